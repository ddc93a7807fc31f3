import Fluent
import LegalAidCore
import Vapor

/// The demo district seeded on first start: a bureau, a legal aid centre, two liaison
/// centres, three street workstations, six community points, two law firms with lawyers,
/// one account per role and a few applications at different stages. All of it is synthetic.
enum DemoSeed {
    static let staffPassword = DemoCredentials.staffPassword
    static let citizenPassword = DemoCredentials.citizenPassword
    static let citizenPhone = "13900000001"
    /// Every demo staff account's authenticator key (add it to any TOTP app). Demo only.
    static let demoTOTPKey = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
    /// A fictional division code: no real district is named.
    static let regionCode = "990101"

    struct Account {
        var username: String
        var name: String
        var role: Role
        var organisation: String?
    }

    /// The README's demo accounts table is this list.
    static let accounts: [Account] = [
        Account(username: citizenPhone, name: "李示例", role: .citizen, organisation: nil),
        Account(username: "shequ1", name: "幸福一社区 陈干事", role: .communityStaff, organisation: "幸福街道幸福一社区法律援助联系点"),
        Account(username: "gongzuozhan1", name: "幸福街道 周初审", role: .workstationStaff, organisation: "幸福街道法律援助工作站"),
        Account(username: "gongzuozhan2", name: "和平街道 吴初审", role: .workstationStaff, organisation: "和平街道法律援助工作站"),
        Account(username: "lianluo1", name: "区妇联 郑联络员", role: .liaisonStaff, organisation: "区妇联法律援助联络中心"),
        Account(username: "shencha", name: "中心 王审查", role: .centreReviewer, organisation: "示范区法律援助中心"),
        Account(username: "shenpi", name: "中心 冯主任", role: .centreDirector, organisation: "示范区法律援助中心"),
        Account(username: "lvshi1", name: "秦明", role: .lawyer, organisation: "示范正义律师事务所"),
        Account(username: "lvshi2", name: "许丽", role: .lawyer, organisation: "示范公平律师事务所"),
        Account(username: "jiandu", name: "局 何监督", role: .supervisor, organisation: "示范区司法局"),
        Account(username: "xitong", name: "系统管理员", role: .systemAdmin, organisation: "示范区司法局"),
        Account(username: "anquan", name: "安全管理员", role: .securityAdmin, organisation: "示范区司法局"),
        Account(username: "shenji", name: "审计管理员", role: .auditAdmin, organisation: "示范区司法局"),
    ]

    static func seedIfEmpty(_ app: Application) async throws {
        guard try await OrganisationModel.query(on: app.db).count() == 0 else { return }
        let orgs = try await seedOrganisations(on: app.db)
        var byUsername: [String: AccountModel] = [:]
        for spec in accounts {
            let account = AccountModel(
                username: MobileNumber.parse(spec.username).map(AccountModel.citizenUsername) ?? spec.username,
                passwordHash: try Bcrypt.hash(spec.role == .citizen ? citizenPassword : staffPassword, cost: app.fayuan.settings.bcryptCost),
                displayName: spec.name, roles: try RoleSet([spec.role]),
                organisationID: spec.organisation.flatMap { orgs[$0] })
            if spec.role == .citizen { account.phone = spec.username } else { account.totpSecret = Base32.decode(demoTOTPKey) }
            try await account.create(on: app.db)
            byUsername[spec.username] = account
        }
        for (username, years, criminal, specialities) in [("lvshi1", 8, 5, "labourWages,workInjury,criminalDefence"), ("lvshi2", 2, 1, "support,trafficAccident")] {
            guard let lawyer = byUsername[username] else { continue }
            let profile = LawyerProfileModel()
            profile.accountID = lawyer.id!
            profile.practiceYears = years
            profile.criminalYears = criminal
            profile.specialitiesText = specialities
            profile.available = true
            try await profile.create(on: app.db)
        }
        try await seedApplications(app, orgs: orgs, accounts: byUsername)
        app.logger.notice("Demo district seeded: \(orgs.count) organisations, \(accounts.count) accounts")
    }

    @discardableResult
    static func seedOrganisations(on db: Database) async throws -> [String: UUID] {
        var ids: [String: UUID] = [:]
        // Each office has its own (synthetic) landline, as a real one would; 12348 is the
        // hotline's number, not an office's.
        var line = 0
        func add(_ name: String, _ kind: OrganisationKind, parent: String?, code: String, hours: ServiceHours = .onlineDesk,
                 address: String, phone: String? = nil) async throws {
            line += 1
            let org = OrganisationModel(name: name, kind: kind, parentID: parent.flatMap { ids[$0] }, code: code, regionCode: regionCode,
                                        address: address, phone: phone ?? "010-6851\(String(1000 + line * 37))", hours: hours)
            try await org.create(on: db)
            ids[name] = org.id
        }
        try await add("示范区司法局", .bureau, parent: nil, code: "示", hours: .officeHours, address: "示范区人民路1号", phone: "010-68510001")
        try await add("示范区法律援助中心", .legalAidCenter, parent: "示范区司法局", code: "示", hours: .officeHours, address: "示范区人民路3号", phone: "010-68510148")
        try await add("区妇联法律援助联络中心", .departmentLiaison, parent: "示范区法律援助中心", code: "妇", hours: .officeHours, address: "示范区和平路10号")
        try await add("区总工会法律援助联络中心", .departmentLiaison, parent: "示范区法律援助中心", code: "工", hours: .officeHours, address: "示范区建设路8号")
        for (street, code, communities) in [("幸福街道", "幸", ["幸福一社区", "幸福二社区"]),
                                            ("和平街道", "和", ["和平东社区", "和平西社区"]),
                                            ("长江街道", "江", ["长江村", "长江新村社区"])] {
            try await add("\(street)法律援助工作站", .streetWorkstation, parent: "示范区法律援助中心", code: code, address: "示范区\(street)办事处")
            for community in communities {
                try await add("\(street)\(community)法律援助联系点", .communityPoint, parent: "\(street)法律援助工作站", code: code,
                              address: "示范区\(street)\(community)居委会")
            }
        }
        try await add("示范正义律师事务所", .lawFirm, parent: "示范区司法局", code: "正", hours: .officeHours, address: "示范区中山路20号")
        try await add("示范公平律师事务所", .lawFirm, parent: "示范区司法局", code: "平", hours: .officeHours, address: "示范区中山路36号")
        return ids
    }

    /// A few applications in flight, so the workbench has something to show.
    static func seedApplications(_ app: Application, orgs: [String: UUID], accounts: [String: AccountModel]) async throws {
        let service = ApplicationService(scope: ServiceScope(db: app.db, services: app.fayuan, clientAddress: "seed", logger: app.logger))
        let reference = try await app.fayuan.referenceData(on: app.db)
        guard let community = accounts["shequ1"], let station = accounts["gongzuozhan1"], let reviewer = accounts["shencha"],
              let citizen = accounts[citizenPhone], let director = accounts["shenpi"]
        else { return }

        // A citizen's unfinished draft.
        var draft = SyntheticPerson.form(name: "李示例", birth: "19560312", sequence: 1, phone: citizenPhone)
        draft.matter.facts = ""
        draft.integrityPledge = false
        _ = try await service.createDraft(form: draft, communityPointID: orgs["幸福街道幸福一社区法律援助联系点"],
                                          preReviewOrganisationID: nil, by: citizen, reference: reference)

        // Filed at the community point, waiting for pre-review.
        let waiting = try await service.createDraft(form: SyntheticPerson.form(name: "张示例", birth: "19700101", sequence: 2, phone: "13900000002"),
                                                    communityPointID: nil, preReviewOrganisationID: nil, by: community, reference: reference)
        try await service.perform(.submit, on: waiting.id!, expectedVersion: nil, by: community)

        // Pre-approved and under review at the centre.
        let atCentre = try await service.createDraft(form: SyntheticPerson.form(name: "赵示例", birth: "19881120", sequence: 3, phone: "13900000003"),
                                                     communityPointID: nil, preReviewOrganisationID: nil, by: community, reference: reference)
        try await service.perform(.submit, on: atCentre.id!, expectedVersion: nil, by: community)
        try await service.perform(.preApprove(opinion: "材料齐全，符合法律援助条件，同意报送。"), on: atCentre.id!, expectedVersion: nil, by: station)
        try await service.perform(.accept, on: atCentre.id!, expectedVersion: nil, by: reviewer)

        // Approved, waiting for a lawyer (the 3-day assignment clock runs).
        let approved = try await service.createDraft(form: SyntheticPerson.form(name: "孙示例", birth: "19750606", sequence: 4, phone: "13900000004"),
                                                     communityPointID: nil, preReviewOrganisationID: nil, by: community, reference: reference)
        try await service.perform(.submit, on: approved.id!, expectedVersion: nil, by: community)
        try await service.perform(.preApprove(opinion: "农民工追索劳动报酬，绿色通道。"), on: approved.id!, expectedVersion: nil, by: station)
        try await service.perform(.accept, on: approved.id!, expectedVersion: nil, by: reviewer)
        try await service.perform(.fileReview(ReviewOpinion(recommendApproval: true, opinion: "符合第42条免审情形，建议给予法律援助。")),
                                  on: approved.id!, expectedVersion: nil, by: reviewer)
        try await service.perform(.approve(note: "同意"), on: approved.id!, expectedVersion: nil, by: director)
    }
}

/// Synthetic people: valid-looking but fictional ID numbers (division 990101 does not exist).
enum SyntheticPerson {
    static func idNumber(birth: String, sequence: Int) -> String {
        let first17 = "990101" + birth + String(format: "%03d", sequence % 1000)
        let check = ResidentID.checkCharacter(for: first17.compactMap { Int(String($0)) })
        return first17 + String(check)
    }

    static func form(name: String, birth: String, sequence: Int, phone: String) -> ApplicationForm {
        var form = ApplicationForm()
        form.applicant.name = name
        form.applicant.idNumber = idNumber(birth: birth, sequence: sequence)
        form.applicant.phone = phone
        form.applicant.address = "示范区幸福街道示例小区\(sequence)号楼"
        form.matter.type = .labourWages
        form.matter.cause = "追索劳动报酬纠纷"
        form.matter.opposingParty = "示范建筑工程有限公司"
        form.matter.facts = "申请人在示范建筑工程有限公司工地务工八个月，工资共计三万二千元至今未支付，多次讨要无果。"
        form.matter.helpWanted = "请求用人单位支付拖欠的劳动报酬"
        form.household.members = 3
        form.household.monthlyIncomeYuan = 3000
        form.exemptions = [.migrantWorkerWagesOrInjury]
        form.exemptionProof = "工地考勤记录、工友证言"
        form.integrityPledge = true
        return form
    }
}
