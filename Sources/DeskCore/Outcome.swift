import Foundation

/// How a consultation ended, whatever its channel (DOMAIN §4).
public enum ConsultationOutcome: Hashable, Codable, Sendable {
    /// The question was answered.
    case answered
    /// Turned into a legal aid application, prefilled from the conversation. The person's
    /// consent to use what they said is required (PIPL: a new purpose needs consent).
    case application(consentRecorded: Bool)
    /// Referred to another public legal service.
    case referred(Referral)
    /// Passed to another government hotline, with a record of what was handed over.
    case passedOn(OtherHotline)

    public enum Referral: String, Codable, Sendable, CaseIterable {
        case mediation, notary, appraisal

        public var chinese: String {
            switch self {
            case .mediation: "人民调解"
            case .notary: "公证"
            case .appraisal: "司法鉴定"
            }
        }
    }

    /// The hotlines DOMAIN §4 names for matters outside legal services.
    public enum OtherHotline: String, Codable, Sendable, CaseIterable {
        case city12345 = "12345"
        case consumer12315 = "12315"
        case labour12333 = "12333"
        case women12338 = "12338"

        public var chinese: String {
            switch self {
            case .city12345: "12345政务服务便民热线"
            case .consumer12315: "12315消费者投诉热线"
            case .labour12333: "12333人社服务热线"
            case .women12338: "12338妇女维权热线"
            }
        }
    }

    /// A stable code for storage and the API: `answered`, `application`, `referred.mediation`, `passedOn.12333`.
    public var code: String {
        switch self {
        case .answered: "answered"
        case .application: "application"
        case .referred(let to): "referred.\(to.rawValue)"
        case .passedOn(let line): "passedOn.\(line.rawValue)"
        }
    }

    public var chinese: String {
        switch self {
        case .answered: "已解答"
        case .application: "转为法律援助申请"
        case .referred(let to): "转介\(to.chinese)"
        case .passedOn(let line): "转\(line.chinese)"
        }
    }

    /// Parses what a staff member chose, with the note they wrote: every outcome but a plain
    /// answer needs a note saying what was handed on and to whom; an application needs consent.
    public static func parse(code: String, note: String, consent: Bool) -> Result<ConsultationOutcome, FieldError> {
        let trimmed = note.trimmingCharacters(in: .whitespacesAndNewlines)
        let outcome: ConsultationOutcome
        switch code {
        case "answered": outcome = .answered
        case "application": outcome = .application(consentRecorded: consent)
        default:
            let parts = code.split(separator: ".", maxSplits: 1).map(String.init)
            if parts.count == 2, parts[0] == "referred", let to = Referral(rawValue: parts[1]) {
                outcome = .referred(to)
            } else if parts.count == 2, parts[0] == "passedOn", let line = OtherHotline(rawValue: parts[1]) {
                outcome = .passedOn(line)
            } else {
                return .failure(FieldError(field: "outcome", code: "invalidChoice", message: "请选择咨询结果"))
            }
        }
        if case .application(false) = outcome {
            return .failure(FieldError(field: "consent", code: "consentRequired", message: "转为法律援助申请前，须征得咨询人同意使用咨询内容"))
        }
        if outcome.needsNote && trimmed.isEmpty {
            return .failure(FieldError(field: "note", code: "required", message: "请写明转交的事项和接收单位，便于对方接续办理"))
        }
        if trimmed.count > 2000 {
            return .failure(FieldError(field: "note", code: "tooLong", message: "说明不能超过2000字"))
        }
        return .success(outcome)
    }

    public var needsNote: Bool {
        switch self {
        case .answered, .application: false
        case .referred, .passedOn: true
        }
    }
}

/// 1–5 and an optional comment, once per consultation, by the person served.
public struct ConsultationRating: Hashable, Codable, Sendable {
    public var stars: Int
    public var comment: String

    public static func parse(stars: Int?, comment: String?) -> Result<ConsultationRating, FieldError> {
        guard let stars, (1...5).contains(stars) else {
            return .failure(FieldError(field: "stars", code: "outOfRange", message: "请选择1到5星的评价"))
        }
        let text = (comment ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard text.count <= 500 else { return .failure(FieldError(field: "comment", code: "tooLong", message: "评价内容不能超过500字")) }
        return .success(ConsultationRating(stars: stars, comment: text))
    }
}
