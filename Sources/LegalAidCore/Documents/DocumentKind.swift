import Foundation

/// The printable documents of the application workflow (seed 000; 法律援助法 第43条).
public enum DocumentKind: String, Codable, Sendable, CaseIterable {
    case applicationForm
    case materialsNotice
    case preRejectionNotice
    case preReviewApproval
    case acceptanceNotice
    case grantDecision
    case denialDecision
    case assignmentNotice
    /// 法律援助公函: tells the court, procuratorate or police who the assigned lawyer is.
    case officialLetter
    case urgentAidDecision
    case terminationDecision
    case transferLetter
    case objectionDecision

    public var title: String {
        switch self {
        case .applicationForm: "法援在线初审案件申请表"
        case .materialsNotice: "补充材料一次性告知书"
        case .preRejectionNotice: "法援在线初审不予通过告知书"
        case .preReviewApproval: "法援在线初审案件审批表"
        case .acceptanceNotice: "法援在线初审案件受理通知书"
        case .grantDecision: "给予法律援助决定书"
        case .denialDecision: "不予法律援助决定书"
        case .assignmentNotice: "指派通知书"
        case .officialLetter: "法律援助公函"
        case .urgentAidDecision: "先行提供法律援助决定书"
        case .terminationDecision: "终止法律援助决定书"
        case .transferLetter: "法律援助异地协作函"
        case .objectionDecision: "法律援助异议审查决定书"
        }
    }

    /// The word in the number that tells the kinds apart: `（2026）海法援审字第0007号`.
    public var numberWord: String {
        switch self {
        case .applicationForm: "申"
        case .materialsNotice: "补"
        case .preRejectionNotice: "初否"
        case .preReviewApproval: "初审"
        case .acceptanceNotice: "受"
        case .grantDecision: "援"
        case .denialDecision: "不援"
        case .assignmentNotice: "指"
        case .officialLetter: "函"
        case .urgentAidDecision: "先"
        case .terminationDecision: "终"
        case .transferLetter: "协"
        case .objectionDecision: "异"
        }
    }
}

/// A document number, counted per centre, per kind and per year.
public struct DocumentNumber: Hashable, Codable, Sendable {
    public var centreCode: String
    public var kind: DocumentKind
    public var year: Int
    public var sequence: Int

    public init(centreCode: String, kind: DocumentKind, year: Int, sequence: Int) {
        self.centreCode = centreCode
        self.kind = kind
        self.year = year
        self.sequence = sequence
    }

    /// `（2026）海法援审字第0007号`
    public var text: String {
        "（\(year)）\(centreCode)法援\(kind.numberWord)字第\(String(format: "%04d", sequence))号"
    }
}
