import Fluent
import MediationCore
import Vapor

/// The demo district's mediation: every village and community committee of the directory as a
/// mediation committee serving its village, a street committee for each street, three industry
/// committees (labour, traffic, medical), mediator accounts and a few mediations in flight. All
/// of it is synthetic.
enum MediationDemo {
    struct Mediator {
        var username: String
        var name: String
        var committee: String
        var specialities: [DisputeType]
        var languages: [String] = []
    }

    /// The README's demo accounts table lists these too.
    static let mediators: [Mediator] = [
        Mediator(username: "tiaojie1", name: "幸福一社区 刘调解", committee: "幸福一社区人民调解委员会", specialities: [.neighbour, .family]),
        Mediator(username: "tiaojie2", name: "幸福一社区 马调解", committee: "幸福一社区人民调解委员会", specialities: [.property, .debt], languages: ["粤语"]),
        Mediator(username: "tiaojie3", name: "劳动争议调委会 孙调解", committee: "示范区劳动争议人民调解委员会", specialities: [.labour]),
    ]

    static let industry: [(name: String, types: [DisputeType])] = [
        ("示范区劳动争议人民调解委员会", [.labour]),
        ("示范区道路交通事故纠纷人民调解委员会", [.traffic]),
        ("示范区医疗纠纷人民调解委员会", [.medical]),
    ]

    static func seed(_ app: Application) async throws {
        guard try await MediationCommitteeModel.query(on: app.db).count() == 0 else { return }
        let orgs = try await OrganisationModel.query(on: app.db).all()
        guard let bureau = orgs.first(where: { $0.kind == OrganisationKind.bureau.rawValue }) else { return }
        try await app.fayuan.transaction(on: app.db) { tx in
            var byName = Dictionary(orgs.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
            let villages = orgs.filter { $0.kind == OrganisationKind.villageCommittee.rawValue }
            for org in orgs where org.kind == OrganisationKind.mediationCommittee.rawValue {
                let village = org.name.replacingOccurrences(of: "人民调解委员会", with: "")
                let place = villages.first { $0.street == org.street && ($0.name == village + "村民委员会" || $0.name == village + "居民委员会") }
                try await committee(org, level: .village, place: place?.id, types: [], on: tx)
            }
            for office in orgs where office.kind == OrganisationKind.justiceOffice.rawValue {
                let name = "\(office.street)人民调解委员会"
                let org = byName[name] ?? OrganisationModel(name: name, kind: .mediationCommittee, parentID: office.id, code: String(office.street.prefix(1)),
                                                            regionCode: office.regionCode, address: office.address, phone: office.phone, hours: .officeHours)
                org.street = office.street
                org.latitude = office.latitude
                org.longitude = office.longitude
                try await org.save(on: tx)
                byName[name] = org
                try await committee(org, level: .street, place: office.id, types: [], on: tx)
            }
            for (name, types) in industry {
                let org = byName[name] ?? OrganisationModel(name: name, kind: .mediationCommittee, parentID: bureau.id, code: String(name.dropFirst(3).prefix(1)),
                                                            regionCode: bureau.regionCode, address: bureau.address, phone: bureau.phone, hours: .officeHours)
                org.street = bureau.street
                org.latitude = bureau.latitude
                org.longitude = bureau.longitude
                try await org.save(on: tx)
                byName[name] = org
                try await committee(org, level: .industry, place: nil, types: types, on: tx)
            }
            for m in mediators {
                guard let committee = byName[m.committee] else { continue }
                let account = AccountModel(username: m.username, passwordHash: try Bcrypt.hash(DemoSeed.staffPassword, cost: app.fayuan.settings.bcryptCost),
                                           displayName: m.name, roles: try RoleSet([.mediator]), organisationID: committee.id)
                account.totpSecret = Base32.decode(DemoSeed.demoTOTPKey)
                try await account.create(on: tx)
                let profile = MediatorProfileModel()
                profile.accountID = account.id!
                profile.committeeID = committee.id!
                profile.specialities = m.specialities.map(\.rawValue).joined(separator: ",")
                profile.languages = m.languages.joined(separator: ",")
                try await profile.create(on: tx)
            }
        }
        try await seedMediations(app)
        app.logger.notice("Demo mediation seeded: committees, \(mediators.count) mediators and mediations in flight")
    }

    /// Two disputes at 幸福一社区: one waiting for the other side, one being mediated.
    static func seedMediations(_ app: Application) async throws {
        let reference = try await app.fayuan.referenceData(on: app.db)
        guard let place = reference.organisations.first(where: { $0.value.name == "幸福一社区居民委员会" })?.key,
              let mediator = try await AccountModel.query(on: app.db).filter(\.$username == "tiaojie1").first() else { return }
        let service = MediationService(scope: ServiceScope(db: app.db, services: app.fayuan, clientAddress: "seed", logger: app.logger))
        func input(_ type: DisputeType, _ applicant: String, _ phone: String, _ respondent: String, _ facts: String, _ claims: String) -> MediationInput {
            MediationInput(type: type, source: .partyApplication, facts: facts, claims: claims,
                           applicant: .init(name: applicant, phone: MobileNumber.parse(phone), organisation: false),
                           respondent: .init(name: respondent, phone: nil, organisation: false),
                           applicantPlace: place, respondentPlace: place, joint: false)
        }
        _ = try await service.start(input(.neighbour, "周示例", "13900000011", "吴某", "吴某家装修噪音每天持续到晚上十点，多次沟通无果。", "请对方晚上八点后停止施工"),
                                    by: mediator, applicantAccount: nil, reference: reference)
        let started = try await service.start(input(.family, "郑示例", "13900000012", "郑某某", "兄弟二人因赡养母亲的费用分担发生争执。", "兄弟二人按月平均分担母亲的生活费和医药费"),
                                              by: mediator, applicantAccount: nil, reference: reference)
        guard let respondent = try await service.parties(of: started.mediation.id!).first(where: { $0.partySide == .respondent }) else { return }
        let accepted = try await service.reply(respondent, accepts: true, reason: "", expectedVersion: nil, by: .account(mediator))
        _ = try await service.assign(accepted, mediator: mediator.id!, chosenByParties: false, expectedVersion: nil, by: mediator)
    }

    private static func committee(_ org: OrganisationModel, level: Committee.Level, place: UUID?, types: [DisputeType], on db: Database) async throws {
        let row = MediationCommitteeModel()
        row.organisationID = org.id!
        row.level = level.rawValue
        row.placeID = place
        row.street = org.street
        row.disputeTypes = types.map(\.rawValue).joined(separator: ",")
        try await row.create(on: db)
    }
}
