import Foundation

/// A lawyer who could take a legal aid case (DOMAIN §3 step 4).
public struct LawyerCandidate: Hashable, Sendable {
    public var id: UUID
    public var name: String
    public var firmID: UUID?
    /// Legal aid cases the lawyer is handling now.
    public var openCases: Int
    public var practiceYears: Int
    /// Years of criminal defence practice (法律援助法 第26条).
    public var criminalPracticeYears: Int
    public var specialities: Set<MatterType>
    public var available: Bool

    public init(id: UUID, name: String, firmID: UUID?, openCases: Int, practiceYears: Int, criminalPracticeYears: Int,
                specialities: Set<MatterType>, available: Bool = true) {
        self.id = id
        self.name = name
        self.firmID = firmID
        self.openCases = openCases
        self.practiceYears = practiceYears
        self.criminalPracticeYears = criminalPracticeYears
        self.specialities = specialities
        self.available = available
    }
}

/// What the case asks of its lawyer.
public struct AssignmentNeeds: Hashable, Sendable {
    public var matter: MatterType
    /// A criminal case where life imprisonment or death is possible (法律援助法 第26条).
    public var possibleLifeOrDeathSentence: Bool
    /// The applicant's preferred lawyer, if they named one.
    public var preferredLawyerID: UUID?

    public init(matter: MatterType, possibleLifeOrDeathSentence: Bool = false, preferredLawyerID: UUID? = nil) {
        self.matter = matter
        self.possibleLifeOrDeathSentence = possibleLifeOrDeathSentence
        self.preferredLawyerID = preferredLawyerID
    }
}

public enum AssignmentRefusal: Error, Hashable, Sendable {
    /// 法律援助法 第26条: 3+ years of relevant practice for a possible life or death sentence.
    case needsThreeYearsCriminalPractice(lawyer: String)
    case unavailable(lawyer: String)
    case noEligibleLawyer

    public var message: String {
        switch self {
        case .needsThreeYearsCriminalPractice(let name): "\(name)律师刑事辩护执业不满三年，不能承办可能判处无期徒刑、死刑的案件（法律援助法第26条）"
        case .unavailable(let name): "\(name)律师目前不能接受指派"
        case .noEligibleLawyer: "没有符合条件的律师可以指派，请联系其他律师事务所或报司法局协调"
        }
    }
}

/// Who should take a case: a fair default that staff may override.
public enum Assignment {
    /// 法律援助法 第26条.
    public static let minimumCriminalYearsForLifeOrDeath = 3

    /// Why a particular lawyer may not take the case, if they may not.
    public static func refusal(_ lawyer: LawyerCandidate, for needs: AssignmentNeeds) -> AssignmentRefusal? {
        if !lawyer.available { return .unavailable(lawyer: lawyer.name) }
        if needs.possibleLifeOrDeathSentence && lawyer.criminalPracticeYears < minimumCriminalYearsForLifeOrDeath {
            return .needsThreeYearsCriminalPractice(lawyer: lawyer.name)
        }
        return nil
    }

    public struct Suggestion: Hashable, Sendable {
        public var lawyer: LawyerCandidate
        /// Chinese, shown beside the suggestion.
        public var reason: String
    }

    /// The applicant's preferred lawyer when eligible; otherwise the eligible lawyer with the
    /// lightest load (a matching speciality counts as half a case less), ties broken by
    /// rotation: the first in a fixed order after the lawyer assigned last.
    public static func suggest(_ candidates: [LawyerCandidate], for needs: AssignmentNeeds, lastAssigned: UUID?) -> Result<Suggestion, AssignmentRefusal> {
        let eligible = candidates.filter { refusal($0, for: needs) == nil }
        guard !eligible.isEmpty else { return .failure(.noEligibleLawyer) }
        if let preferred = needs.preferredLawyerID, let lawyer = eligible.first(where: { $0.id == preferred }) {
            return .success(Suggestion(lawyer: lawyer, reason: "申请人指定的律师"))
        }
        func load(_ lawyer: LawyerCandidate) -> Double {
            Double(lawyer.openCases) - (lawyer.specialities.contains(needs.matter) ? 0.5 : 0)
        }
        let lightest = eligible.map(load).min()!
        let tied = eligible.filter { load($0) == lightest }.sorted { $0.id.uuidString < $1.id.uuidString }
        let next = lastAssigned.flatMap { last in tied.first { $0.id.uuidString > last.uuidString } } ?? tied[0]
        let speciality = next.specialities.contains(needs.matter) ? "，擅长此类案件" : ""
        return .success(Suggestion(lawyer: next, reason: "当前承办法律援助案件\(next.openCases)件，负担最轻\(speciality)（轮流指派）"))
    }
}

/// A lawyer's practice record as the centre keeps it for the picker (法律援助法 第26条).
public struct LawyerProfileInput: Hashable, Sendable {
    public var practiceYears: Int
    public var criminalYears: Int
    public var specialities: Set<MatterType>
    public var available: Bool

    /// Years as typed; each must be a whole number from 0 to 60, and criminal practice is part of all practice.
    public static func parse(practiceYears: String, criminalYears: String, specialities: [String], available: Bool) -> Result<LawyerProfileInput, FieldErrors> {
        var errors: [FieldError] = []
        func years(_ text: String, _ field: String, _ label: String) -> Int? {
            guard let value = Int(text.trimmed), (0...60).contains(value) else {
                errors.append(FieldError(field: field, code: "invalid", message: "\(label)请填写0到60之间的整数"))
                return nil
            }
            return value
        }
        let practice = years(practiceYears, "practiceYears", "执业年限")
        let criminal = years(criminalYears, "criminalYears", "刑事辩护执业年限")
        if let practice, let criminal, criminal > practice {
            errors.append(FieldError(field: "criminalYears", code: "invalid", message: "刑事辩护执业年限不能超过执业年限"))
        }
        guard errors.isEmpty, let practice, let criminal else { return .failure(FieldErrors(errors)) }
        return .success(LawyerProfileInput(practiceYears: practice, criminalYears: criminal,
                                           specialities: Set(specialities.compactMap(MatterType.init(rawValue:))), available: available))
    }
}
