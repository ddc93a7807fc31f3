import Foundation

/// 法律援助法 第46条、第55条: a recipient may ask the centre to change the lawyer, giving a
/// reason; the centre grants it (and assigns another lawyer) or refuses it with reasons.
public enum LawyerChangeRequest {
    public enum State: String, Codable, Sendable, CaseIterable {
        case pending, granted, refused

        public var chinese: String {
            switch self {
            case .pending: "待中心处理"
            case .granted: "同意更换"
            case .refused: "不同意更换"
            }
        }
    }

    public enum Refusal: Error, Hashable, Sendable {
        case noLawyerYet
        case alreadyPending
        case missingReason
        case alreadyDecided
        case missingResponse

        public var field: String {
            switch self {
            case .noLawyerYet, .alreadyPending, .alreadyDecided: "form"
            case .missingReason: "reason"
            case .missingResponse: "response"
            }
        }

        public var message: String {
            switch self {
            case .noLawyerYet: "案件尚未由律师承办，暂不能申请更换"
            case .alreadyPending: "您已提出更换律师的申请，中心正在处理"
            case .missingReason: "请写明申请更换律师的理由"
            case .alreadyDecided: "该申请已经处理"
            case .missingResponse: "不同意更换的，请写明理由以便告知受援人"
            }
        }
    }

    /// Only while a lawyer handles the case, one request at a time, with a reason.
    public static func file(caseState: CaseState, pending: Bool, reason: String) -> Result<State, Refusal> {
        guard caseState == .inProgress else { return .failure(.noLawyerYet) }
        guard !pending else { return .failure(.alreadyPending) }
        guard !reason.trimmed.isEmpty else { return .failure(.missingReason) }
        return .success(.pending)
    }

    /// A refusal must say why; a grant is carried out by assigning the new lawyer.
    public static func refuse(_ state: State, response: String) -> Result<State, Refusal> {
        guard state == .pending else { return .failure(.alreadyDecided) }
        guard !response.trimmed.isEmpty else { return .failure(.missingResponse) }
        return .success(.refused)
    }
}
