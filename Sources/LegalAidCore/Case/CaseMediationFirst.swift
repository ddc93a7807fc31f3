import Foundation

/// Seed 002 / 人民调解法: for simple non-criminal matters the lawyer offers mediation first,
/// and tries it only if the recipient agrees (no mediation where a party refuses).
public enum CaseMediationFirst {
    public enum Consent: String, Codable, Sendable, CaseIterable {
        case consented, declined

        public var chinese: String {
            switch self {
            case .consented: "受援人同意先行调解"
            case .declined: "受援人不同意调解"
            }
        }
    }

    /// Criminal defence is never mediated.
    public static func applies(to matter: MatterType?) -> Bool { matter != .criminalDefence }

    public enum Refusal: Error, Hashable, Sendable {
        case notApplicable, notInProgress, missingHow

        public var field: String { self == .missingHow ? "how" : "consent" }

        public var message: String {
            switch self {
            case .notApplicable: "刑事案件不适用先行调解"
            case .notInProgress: "案件由律师承办后才能记录调解意愿"
            case .missingHow: "请写明受援人如何表示同意或者不同意（如电话、当面、书面）"
            }
        }
    }

    public static func record(_ consent: Consent, how: String, matter: MatterType?, caseState: CaseState) -> Result<Consent, Refusal> {
        guard applies(to: matter) else { return .failure(.notApplicable) }
        guard caseState == .inProgress else { return .failure(.notInProgress) }
        guard !how.trimmed.isEmpty else { return .failure(.missingHow) }
        return .success(consent)
    }
}

/// Seed 002: a group matter (群体性案件) is one case with many recipients; from 50 people the
/// handling unit may ask the centre to bring in other institutions.
public enum GroupMatter {
    public static let largeGroupThreshold = 50

    /// The recipient on the application counts as one.
    public static func headcount(coApplicants: Int) -> Int { coApplicants + 1 }

    public static func isLarge(coApplicants: Int) -> Bool { headcount(coApplicants: coApplicants) >= largeGroupThreshold }

    public struct Member: Hashable, Codable, Sendable {
        public var name: String
        public var phone: String
        public init(name: String, phone: String) {
            self.name = name
            self.phone = phone
        }
    }

    /// One member per line, `姓名` or `姓名，手机号` (comma, full-width comma or space).
    /// Every line must parse, or nothing is taken (so nothing is half-written).
    public static func parse(_ text: String) -> Result<[Member], FieldError> {
        var members: [Member] = []
        for (index, raw) in text.split(whereSeparator: \.isNewline).enumerated() {
            let line = String(raw).trimmed
            if line.isEmpty { continue }
            let separators: Set<Character> = [",", "，", " ", "\t", "、"]
            let parts: [String] = line.split(whereSeparator: { separators.contains($0) }).map { String($0) }
            guard let name = parts.first, name.count <= 30 else {
                return .failure(FieldError(field: "members", code: "invalid", message: "第\(index + 1)行：请写姓名"))
            }
            var phone = ""
            if parts.count > 1 {
                guard let mobile = MobileNumber.parse(parts[1]) else {
                    return .failure(FieldError(field: "members", code: "invalid", message: "第\(index + 1)行：手机号码应为11位数字"))
                }
                phone = mobile.value
            }
            members.append(Member(name: name, phone: phone))
        }
        guard !members.isEmpty else { return .failure(FieldError(field: "members", code: "required", message: "请至少填写一名共同受援人")) }
        return .success(members)
    }
}
