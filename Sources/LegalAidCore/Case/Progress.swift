import Foundation

/// What a lawyer records while handling a case; the applicant is kept informed (法律援助法 第46条).
public enum CaseProgressKind: String, Codable, Sendable, CaseIterable {
    case meeting, filing, hearing, mediation, document, other

    public var chinese: String {
        switch self {
        case .meeting: "会见受援人"
        case .filing: "立案或提交材料"
        case .hearing: "开庭"
        case .mediation: "调解"
        case .document: "文书送达或起草"
        case .other: "其他进展"
        }
    }
}

public enum ProgressRule {
    /// Only the assigned lawyer, and only while the case is being handled.
    public static func mayRecord(state: CaseState, actorID: UUID, assignedLawyer: UUID?) -> Bool {
        state == .inProgress && assignedLawyer == actorID
    }
}
