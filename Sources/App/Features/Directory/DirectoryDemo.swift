import Fluent
import Foundation
import LegalAidCore
import Vapor
import DirectoryCore

/// The demo district's directory: eight streets and towns, each with its 司法所, fifteen villages
/// or communities (each with a committee, a people's mediation committee and a legal adviser),
/// law firms, notary offices, appraisal institutions and the arbitration institution — some
/// three hundred institutions and five hundred people, all synthetic (names, numbers and
/// places drawn from a fixed seed around a fictional centre point), so every run looks the same.
enum DirectoryDemo {
    /// The fictional district's centre (the legal aid centre stands here).
    static let centre = (latitude: 30.5800, longitude: 114.2700)

    static let streets: [(name: String, north: Double, east: Double, villages: [String])] = [
        ("幸福街道", 0.012, -0.015, ["幸福一社区", "幸福二社区"]),
        ("和平街道", -0.010, 0.014, ["和平东社区", "和平西社区"]),
        ("长江街道", 0.018, 0.020, ["长江村", "长江新村社区"]),
        ("东湖街道", -0.004, 0.040, []),
        ("青山街道", 0.035, -0.006, []),
        ("新华街道", -0.022, -0.020, []),
        ("南湖镇", -0.060, 0.010, []),
        ("北岭镇", 0.070, 0.030, []),
    ]

    static let villagesPerStreet = 15

    /// A fixed-seed generator, so the demo is the same on every machine.
    struct Dice {
        var state: UInt64 = 0x2026_1204
        mutating func next() -> UInt64 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return state >> 33
        }
        mutating func pick<T>(_ items: [T]) -> T { items[Int(next() % UInt64(items.count))] }
        mutating func unit() -> Double { Double(next() % 10_000) / 10_000 }
    }

    static let surnames = Array("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤").map(String.init)
    static let given = Array("明华丽军敏静伟芳娜强磊洋艳勇杰娟涛超霞平刚桂英秀兰玉梅建国志红春燕晓东海波宁鹏飞雪婷慧琳佳欣子涵宇浩然思远嘉").map(String.init)
    static let villageSuffixes = ["一社区", "二社区", "新村", "村", "花园社区", "南村", "北村", "东社区", "西社区", "桥村", "湾村", "苑社区", "里社区", "岭村", "港社区"]
    static let firmWords = ["明德", "正信", "公诚", "求实", "衡平", "致远", "金盾", "同心", "大成", "天平", "中正", "汇理", "恒信", "博雅", "方圆",
                            "立信", "守正", "弘法", "诚和", "德润", "惠民", "安澜", "长风", "清源", "泰和", "民安", "华章", "尚法", "知行", "信达",
                            "守信", "和衷", "昌明", "允正", "鼎诚", "至善", "怀德", "鸿道", "凯旋", "朗正"]

    static func seed(_ app: Application) async throws {
        guard try await DirectoryPersonModel.query(on: app.db).count() == 0,
              try await OrganisationModel.query(on: app.db).filter(\.$kind == OrganisationKind.justiceOffice.rawValue).count() == 0 else { return }
        let now = app.fayuan.clock.now()
        let (institutions, people) = try await app.fayuan.transaction(on: app.db) { tx in
            try await write(on: tx, now: now)
        }
        app.logger.notice("Demo directory seeded: \(institutions) institutions, \(people) people")
    }

    static func write(on db: Database, now: Date) async throws -> (Int, Int) {
        var dice = Dice()
        var byName: [String: OrganisationModel] = [:]
        for org in try await OrganisationModel.query(on: db).all() { byName[org.name] = org }
        let regionCode = byName.values.first?.regionCode ?? "990101"
        var created = 0
        var peopleCount = 0
        var usedNames: Set<String> = []

        func point(_ north: Double, _ east: Double, jitter: Double) -> (Double, Double) {
            let lat = centre.latitude + north + (dice.unit() - 0.5) * jitter
            let lon = centre.longitude + east + (dice.unit() - 0.5) * jitter
            return ((lat * 10_000).rounded() / 10_000, (lon * 10_000).rounded() / 10_000)
        }
        func phone() -> String { "010-6\(String(format: "%03d", dice.next() % 1000))\(String(format: "%04d", dice.next() % 10_000))" }
        func personName() -> String {
            for _ in 0..<50 {
                let name = dice.pick(surnames) + dice.pick(given) + (dice.next() % 3 == 0 ? "" : dice.pick(given))
                if !usedNames.contains(name) { usedNames.insert(name); return name }
            }
            return dice.pick(surnames) + "示例\(usedNames.count)"
        }
        @discardableResult
        func institution(_ name: String, _ kind: OrganisationKind, parent: String?, street: String, address: String,
                         at place: (Double, Double), hours: ServiceHours = .officeHours, areas: [ConsultationTopic] = [],
                         details: String = "") async throws -> OrganisationModel {
            let org = byName[name] ?? OrganisationModel(name: name, kind: kind, parentID: parent.flatMap { byName[$0]?.id }, code: String(name.prefix(1)),
                                                        regionCode: regionCode, address: address, phone: phone(), hours: hours)
            if org.id == nil { created += 1 }
            org.street = street
            org.latitude = place.0
            org.longitude = place.1
            if org.address.isEmpty { org.address = address }
            org.practiceAreas = areas.map(\.rawValue).joined(separator: ",")
            org.details = details
            try await org.save(on: db)
            byName[name] = org
            return org
        }
        func person(_ name: String, _ role: DirectoryRole, at org: OrganisationModel, serves: OrganisationModel? = nil,
                    areas: [ConsultationTopic], duties: String = "", onSite: String = "", account: UUID? = nil) async throws {
            let p = DirectoryPersonModel()
            p.id = UUID()
            p.organisationID = org.id!
            p.servesID = serves?.id
            p.accountID = account
            p.name = name
            p.role = role.rawValue
            p.phone = phone()
            p.practiceAreas = areas.map(\.rawValue).joined(separator: ",")
            p.duties = duties
            p.onSiteHours = onSite
            p.updatedAt = now
            try await p.create(on: db)
            peopleCount += 1
        }
        let topics = ConsultationTopic.allCases.filter { $0 != .other }
        func someAreas() -> [ConsultationTopic] {
            var picked: [ConsultationTopic] = []
            for _ in 0..<(2 + Int(dice.next() % 2)) { let t = dice.pick(topics); if !picked.contains(t) { picked.append(t) } }
            return picked
        }

        // The district's own offices, at the centre.
        try await institution("示范区司法局", .bureau, parent: nil, street: "幸福街道", address: "示范区人民路1号", at: point(0, 0, jitter: 0.002))
        try await institution("示范区法律援助中心", .legalAidCenter, parent: nil, street: "幸福街道", address: "示范区人民路3号", at: (centre.latitude, centre.longitude),
                              details: "受理全区法律援助申请，提供免费法律咨询。农民工讨薪、工伤等事项可直接到窗口申请。")
        try await institution("区妇联法律援助联络中心", .departmentLiaison, parent: nil, street: "和平街道", address: "示范区和平路10号", at: point(-0.006, 0.004, jitter: 0.002),
                              areas: [.marriageFamily])
        try await institution("区总工会法律援助联络中心", .departmentLiaison, parent: nil, street: "长江街道", address: "示范区建设路8号", at: point(0.008, 0.010, jitter: 0.002),
                              areas: [.labour])
        try await institution("示范区劳动人事争议仲裁院", .arbitration, parent: nil, street: "和平街道", address: "示范区和平路66号", at: point(-0.008, 0.006, jitter: 0.002),
                              areas: [.labour], details: "受理劳动人事争议仲裁申请。申请仲裁的时效期间为一年。")

        // Law firms, notaries and appraisers, spread over the district.
        var firms: [OrganisationModel] = []
        for name in ["示范正义律师事务所", "示范公平律师事务所"] {
            if let firm = byName[name] {
                let s = dice.pick(streets)
                firms.append(try await institution(name, .lawFirm, parent: nil, street: s.name, address: firm.address,
                                                   at: point(s.north, s.east, jitter: 0.01), areas: someAreas()))
            }
        }
        for word in firmWords {
            let s = dice.pick(streets)
            firms.append(try await institution("示范\(word)律师事务所", .lawFirm, parent: "示范区司法局", street: s.name,
                                               address: "示范区\(s.name)\(dice.pick(["中山路", "建设路", "解放大道", "新华路", "青年路"]))\(1 + dice.next() % 300)号",
                                               at: point(s.north, s.east, jitter: 0.012), areas: someAreas()))
        }
        var notaries: [OrganisationModel] = []
        for (name, s) in [("示范区公证处", streets[0]), ("示范区江南公证处", streets[2]), ("示范区南湖公证处", streets[6])] {
            notaries.append(try await institution(name, .notaryOffice, parent: "示范区司法局", street: s.name, address: "示范区\(s.name)公证服务大厅",
                                                  at: point(s.north, s.east, jitter: 0.006),
                                                  hours: ServiceHours(workingDays: [.init(opens: 9 * 60, closes: 12 * 60), .init(opens: 13 * 60 + 30, closes: 17 * 60)])))
        }
        var appraisers: [OrganisationModel] = []
        for (index, name) in ["示范区明鉴司法鉴定所", "示范区正源司法鉴定中心", "示范区法医临床司法鉴定所", "示范区华证司法鉴定所"].enumerated() {
            let s = streets[(index * 3) % streets.count]
            appraisers.append(try await institution(name, .forensicAppraisal, parent: "示范区司法局", street: s.name, address: "示范区\(s.name)科技路\(20 + index * 7)号",
                                                    at: point(s.north, s.east, jitter: 0.01), areas: [.trafficAccident, .tort]))
        }

        // Streets: 司法所, workstation, villages with committee, mediation committee and adviser.
        let villageHours = ServiceHours(workingDays: [.init(opens: 8 * 60 + 30, closes: 12 * 60), .init(opens: 14 * 60, closes: 17 * 60 + 30)])
        var villageIndex = 0
        for s in streets {
            let office = try await institution("\(s.name)司法所", .justiceOffice, parent: "示范区司法局", street: s.name, address: "示范区\(s.name)办事处二楼",
                                               at: point(s.north, s.east, jitter: 0.001), details: "负责本街道人民调解、社区矫正、法治宣传和基层公共法律服务。")
            try await person(personName(), .basicLegalWorker, at: office, areas: [.marriageFamily, .property], duties: "司法所所长")
            if byName["\(s.name)法律援助工作站"] != nil {
                try await institution("\(s.name)法律援助工作站", .streetWorkstation, parent: nil, street: s.name, address: "示范区\(s.name)办事处",
                                      at: point(s.north, s.east, jitter: 0.002))
            }
            var names = s.villages
            var suffixes = villageSuffixes.makeIterator()
            while names.count < villagesPerStreet, let suffix = suffixes.next() {
                let name = s.name.replacingOccurrences(of: "街道", with: "").replacingOccurrences(of: "镇", with: "") + suffix
                if !names.contains(name) { names.append(name) }
            }
            for village in names {
                villageIndex += 1
                let committeeName = village.hasSuffix("村") ? "\(village)村民委员会" : "\(village)居民委员会"
                let place = point(s.north, s.east, jitter: 0.03)
                let committee = try await institution(committeeName, .villageCommittee, parent: "\(s.name)司法所", street: s.name,
                                                      address: "示范区\(s.name)\(village)综合服务中心", at: place, hours: villageHours)
                let mediation = try await institution("\(village)人民调解委员会", .mediationCommittee, parent: "\(s.name)司法所", street: s.name,
                                                      address: "示范区\(s.name)\(village)综合服务中心调解室", at: place, hours: villageHours,
                                                      areas: [.marriageFamily, .property, .tort])
                try await person(personName(), .mediator, at: mediation, areas: [.marriageFamily, .property],
                                 duties: "调解委员会主任，调解邻里、婚姻家庭、物业等纠纷")
                let point = "\(s.name)\(village)法律援助联系点"
                if byName[point] != nil {
                    try await institution(point, .communityPoint, parent: nil, street: s.name, address: "示范区\(s.name)\(village)居委会", at: place, hours: villageHours)
                }
                let firm = firms[villageIndex % firms.count]
                try await person(personName(), .villageAdviser, at: firm, serves: committee, areas: someAreas(),
                                 duties: "为村（居）民解答法律问题，参与调解纠纷，协助申请法律援助，审查村规民约",
                                 onSite: "每月第\(["一", "二", "三", "四"][villageIndex % 4])个星期\(["一", "二", "三", "四", "五"][villageIndex % 5]) 09:00-11:30")
            }
        }

        // People of the firms, notary offices and appraisal institutions.
        let lawyerAccounts = try await AccountModel.query(on: db).all().filter { $0.roles?.roles.contains(.lawyer) == true }
        for account in lawyerAccounts {
            guard let orgID = account.organisationID, let firm = firms.first(where: { $0.id == orgID }) else { continue }
            try await person(account.displayName, .lawyer, at: firm, areas: [.labour, .criminal], duties: "法律援助值班律师", account: account.id)
        }
        for firm in firms { for _ in 0..<3 { try await person(personName(), .lawyer, at: firm, areas: someAreas()) } }
        for notary in notaries { for _ in 0..<4 { try await person(personName(), .notary, at: notary, areas: [.property, .marriageFamily]) } }
        for institute in appraisers { for _ in 0..<3 { try await person(personName(), .appraiser, at: institute, areas: [.trafficAccident, .tort]) } }
        for org in byName.values where [.legalAidCenter, .streetWorkstation].contains(OrganisationKind(rawValue: org.kind)) {
            try await person(personName(), .legalAidWorker, at: org, areas: [.labour, .marriageFamily], duties: "法律援助接待")
        }
        return (byName.count, peopleCount)
    }
}
