import Foundation

/// What a printed document says, independent of how it is rendered.
public struct DocumentContent: Hashable, Codable, Sendable {
    public struct Row: Hashable, Codable, Sendable {
        public var label: String
        public var value: String
        public init(_ label: String, _ value: String) {
            self.label = label
            self.value = value
        }
    }

    public var title: String
    public var number: String
    public var addressee: String?
    public var rows: [Row]
    public var paragraphs: [String]
    public var issuer: String
    public var issuedOn: LocalDate

    public init(title: String, number: String, addressee: String? = nil, rows: [Row] = [], paragraphs: [String] = [], issuer: String, issuedOn: LocalDate) {
        self.title = title
        self.number = number
        self.addressee = addressee
        self.rows = rows
        self.paragraphs = paragraphs
        self.issuer = issuer
        self.issuedOn = issuedOn
    }
}

/// The facts a document is written from.
public struct DocumentFacts: Sendable {
    public var kind: DocumentKind
    public var number: DocumentNumber
    public var applicationNumber: String
    public var form: ApplicationForm
    public var issuedAt: Date
    /// The data of the event that issues the document (reasons, opinions, the assigned lawyer).
    public var payload: [String: String]
    public var issuer: String
    public var centreName: String
    public var preReviewName: String
    public var communityPointName: String
    public var eligibility: EligibilityFinding?
    public var decisionDue: LocalDate?

    public init(kind: DocumentKind, number: DocumentNumber, applicationNumber: String, form: ApplicationForm, issuedAt: Date, payload: [String: String],
                issuer: String, centreName: String, preReviewName: String, communityPointName: String,
                eligibility: EligibilityFinding?, decisionDue: LocalDate?) {
        self.kind = kind
        self.number = number
        self.applicationNumber = applicationNumber
        self.form = form
        self.issuedAt = issuedAt
        self.payload = payload
        self.issuer = issuer
        self.centreName = centreName
        self.preReviewName = preReviewName
        self.communityPointName = communityPointName
        self.eligibility = eligibility
        self.decisionDue = decisionDue
    }
}

public enum DocumentWriter {
    public static func content(_ facts: DocumentFacts) -> DocumentContent {
        let form = facts.form
        let day = LocalDate(facts.issuedAt)
        let who = form.applicant.name
        let matter = form.matter.type?.chinese ?? "—"
        let payload = facts.payload
        var doc = DocumentContent(title: facts.kind.title, number: facts.number.text, issuer: facts.issuer, issuedOn: day)
        let id = ResidentID.parse(form.applicant.idNumber)
        let maskedID = (try? id.get())?.masked ?? ""
        let phone = MobileNumber.parse(form.applicant.phone)?.masked ?? ""

        switch facts.kind {
        case .applicationForm:
            doc.rows = [
                .init("申请编号", facts.applicationNumber),
                .init("申请人", who), .init("身份证号码", maskedID), .init("联系电话", phone),
                .init("住址", form.applicant.address), .init("工作单位", form.applicant.employer.isEmpty ? "—" : form.applicant.employer),
            ]
            if let agent = form.agent {
                doc.rows.append(.init("代理人", "\(agent.name)（\(agent.relation.chinese)）"))
            }
            doc.rows += [
                .init("案件类型", matter), .init("案由", form.matter.cause), .init("对方当事人", form.matter.opposingParty.isEmpty ? "—" : form.matter.opposingParty),
                .init("事实与理由", form.matter.facts), .init("请求事项", form.matter.helpWanted),
                .init("家庭人口", form.household.members.map { "\($0)人" } ?? "—"),
                .init("家庭月收入", form.household.monthlyIncomeYuan.map { "\($0)元" } ?? "—"),
                .init("免予经济困难审查情形", form.exemptions.isEmpty ? "无" : form.exemptions.map(\.chinese).joined(separator: "；")),
                .init("联系点", facts.communityPointName), .init("初审机构", facts.preReviewName),
            ]
            doc.paragraphs = ["本人承诺以上所填内容及所提交材料真实、完整，如有虚假，愿意承担相应法律责任。（个人诚信承诺，法律援助法第41条）",
                              "申请人（代理人）签名：＿＿＿＿＿＿　　日期：＿＿＿＿＿＿"]

        case .materialsNotice:
            doc.addressee = who
            let items = (payload["items"] ?? "").split(separator: "\n").enumerated().map { "\($0.offset + 1). \($0.element)" }
            let supplyBy = payload["supplyBy"].flatMap(LocalDate.init(iso:))?.chinese ?? "—"
            doc.paragraphs = ["你于\(day.chinese)前提交的法律援助申请（编号\(facts.applicationNumber)）材料尚不齐全。根据《中华人民共和国法律援助法》第四十三条，现一次性告知你需要补充以下材料："]
                + items
                + ["请于\(supplyBy)前补充提交。补充材料期间，审查期限暂停计算；逾期未补充又未作说明的，视为撤回申请。"]

        case .preRejectionNotice:
            doc.addressee = who
            doc.paragraphs = [
                "你提交的法律援助申请（编号\(facts.applicationNumber)，\(matter)）经初审，不符合法律援助条件。",
                "理由：\(payload["reason"] ?? "")",
                "建议途径：\(payload["referral"] ?? "")",
                "如对初审意见有疑问，可拨打12348公共法律服务热线咨询，或直接向\(facts.centreName)提出申请。",
            ]

        case .preReviewApproval:
            doc.addressee = facts.communityPointName
            doc.rows = [
                .init("申请编号", facts.applicationNumber), .init("申请人", who), .init("案件类型", matter),
                .init("案由", form.matter.cause), .init("初审意见", payload["opinion"] ?? ""),
                .init("系统条件判断", facts.eligibility.map { "\($0.outcome.chinese)：\($0.explanation)" } ?? "—"),
                .init("初审机构", facts.preReviewName), .init("报送", facts.centreName),
            ]
            doc.paragraphs = ["经初审，该申请符合法律援助条件，已报送\(facts.centreName)审查决定。"]

        case .acceptanceNotice:
            doc.addressee = who
            doc.paragraphs = [
                "你提出的法律援助申请（编号\(facts.applicationNumber)，\(matter)）已经\(facts.preReviewName)初审通过，并报送\(facts.centreName)。",
                "根据《中华人民共和国法律援助法》第四十三条，法律援助中心将自收到申请之日起七日内作出是否给予法律援助的决定" + (facts.decisionDue.map { "（最迟于\($0.chinese)）" } ?? "") + "。",
                "你可以凭申请编号和手机号码后四位在“法援在线”查询办理进度。",
            ]

        case .grantDecision:
            doc.addressee = who
            doc.paragraphs = [
                "你申请的法律援助事项（编号\(facts.applicationNumber)），经审查，符合《中华人民共和国法律援助法》规定的条件，本中心决定给予法律援助。",
                "援助事项：\(matter)；案由：\(form.matter.cause)。",
                "本中心将自本决定作出之日起三日内指派律师或者安排本中心工作人员提供法律援助，并告知你承办人员的姓名和联系方式。",
                "受援人应当向承办人员如实陈述案情，及时提供证据材料，协助承办人员开展工作。",
            ] + (payload["note"].map { $0.isEmpty ? [] : ["备注：\($0)"] } ?? [])

        case .denialDecision:
            doc.addressee = who
            doc.paragraphs = [
                "你申请的法律援助事项（编号\(facts.applicationNumber)），经审查，本中心决定不予法律援助。",
                "理由：\(payload["reasons"] ?? "")",
                "如对本决定有异议，可以自收到本决定书之日起向司法局提出。司法局将自收到异议之日起五日内进行审查并作出维持或者责令改正的决定（法律援助法第四十九条）。",
            ]

        case .assignmentNotice:
            let ownStaff = payload["staffID"] != nil
            doc.addressee = payload["lawyer"].map { ownStaff ? "\($0)同志" : "\($0)律师" }
            doc.rows = [
                .init("申请编号", facts.applicationNumber), .init("受援人", who), .init("援助事项", matter),
                .init("案由", form.matter.cause), .init(ownStaff ? "承办人员" : "承办律师", payload["lawyer"] ?? "—"),
            ]
            doc.paragraphs = [
                ownStaff ? "根据《中华人民共和国法律援助法》第四十三条，本中心安排你承办上述法律援助事项。" : "根据《中华人民共和国法律援助法》第四十三条，本中心决定指派你承办上述法律援助事项。",
                "请自收到本通知之日起及时与受援人联系，依法履行职责，维护受援人合法权益；办理过程中应当向受援人通报办理进展（第四十六条），结案后三十日内提交结案报告及有关材料（第五十条）。",
            ]

        case .officialLetter:
            doc.addressee = payload["authorityName"].flatMap { $0.isEmpty ? nil : $0 } ?? "有关办案机关"
            doc.rows = [
                .init("受援人", who), .init("案由", form.matter.cause), .init("承办律师", payload["lawyer"] ?? "—"),
                .init("律师事务所", payload["firm"] ?? "—"),
            ]
            doc.paragraphs = [
                "根据《中华人民共和国法律援助法》的规定，本中心\(payload["staffID"] != nil ? "安排工作人员" + (payload["lawyer"] ?? "") : "指派" + (payload["lawyer"] ?? "") + "律师")担任\(who)的\(form.matter.type == .criminalDefence ? "辩护人" : "代理人")，提供法律援助。",
                "特此函告，请予以支持和配合。",
            ]

        case .urgentAidDecision:
            doc.addressee = who
            doc.rows = [.init("申请编号", facts.applicationNumber), .init("援助事项", matter), .init("紧急情况", payload["reason"] ?? "—")]
            doc.paragraphs = [
                "根据《中华人民共和国法律援助法》第四十四条，本中心决定先行提供法律援助，并立即指派承办人员。",
                "请于\(payload["paperworkBy"].flatMap(LocalDate.init(iso:))?.chinese ?? "七日内")前补办法律援助申请手续，补充有关材料；经审查不符合法律援助条件的，本中心将终止法律援助。",
            ]

        case .terminationDecision:
            doc.addressee = who
            doc.rows = [.init("申请编号", facts.applicationNumber), .init("援助事项", matter),
                        .init("终止理由", payload["ground"].flatMap(TerminationGround.init(rawValue:))?.chinese ?? "—")]
            doc.paragraphs = [
                "根据《中华人民共和国法律援助法》第四十八条，本中心决定终止对你的法律援助。",
                "事实和理由：\(payload["explanation"] ?? "")",
                "如对本决定有异议，可以向司法局提出。司法局将自收到异议之日起五日内进行审查并作出维持或者责令改正的决定（法律援助法第四十九条）。",
            ]

        case .transferLetter:
            doc.addressee = payload["toCentre"]
            doc.rows = [.init("申请编号", facts.applicationNumber), .init("受援人", who), .init("援助事项", matter), .init("案由", form.matter.cause)]
            doc.paragraphs = [
                "上述法律援助事项经本中心决定给予法律援助。因\(payload["reason"].flatMap { $0.isEmpty ? nil : $0 } ?? "案件需在贵地办理")，现将案件及全部案卷材料移交贵中心，请予接收办理，并将办理情况函告本中心。",
            ] + (payload["file"].flatMap { $0.isEmpty ? nil : ["随函移交：\($0)。"] } ?? [])

        case .objectionDecision:
            doc.addressee = who
            let upheld = payload["outcome"] == "upheld"
            doc.rows = [.init("申请编号", facts.applicationNumber), .init("异议事项", payload["subject"] ?? "—"),
                        .init("收到异议日期", payload["receivedOn"].flatMap(LocalDate.init(iso:))?.chinese ?? "—")]
            doc.paragraphs = [
                "你对\(payload["subject"] ?? "法律援助中心的决定")提出的异议，本局已依照《中华人民共和国法律援助法》第四十九条进行审查。",
                upheld ? "经审查，本局决定维持原决定。" : "经审查，本局责令\(facts.centreName)改正，重新作出决定。",
                "理由：\(payload["explanation"] ?? "")",
                upheld ? "对本决定不服的，可以依法申请行政复议或者提起行政诉讼。" : "法律援助中心将依照本决定重新办理，并将结果告知你。",
            ]
        }
        return doc
    }
}
