import Foundation

// Lenient about what is missing, strict about what is sent: a missing key takes its default,
// so a draft can be sent (or stored) with only what the applicant has filled in so far, but a
// field that is not optional cannot be sent as `null` (the API document says which may).

extension KeyedDecodingContainer {
    func value<T: Decodable>(_ key: Key, or fallback: T) throws -> T {
        guard contains(key) else { return fallback }
        return try decode(T.self, forKey: key)
    }
}

extension ApplicationForm {
    enum CodingKeys: String, CodingKey {
        case applicant, agent, matter, household, exemptions, exemptionProof, meansFreeGround, priorities, integrityPledge, preferredLawyer
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init()
        applicant = try c.value(.applicant, or: applicant)
        agent = try c.decodeIfPresent(Agent.self, forKey: .agent)
        matter = try c.value(.matter, or: matter)
        household = try c.value(.household, or: household)
        exemptions = try c.value(.exemptions, or: [])
        exemptionProof = try c.value(.exemptionProof, or: "")
        meansFreeGround = try c.decodeIfPresent(MeansFreeGround.self, forKey: .meansFreeGround)
        priorities = try c.value(.priorities, or: [])
        integrityPledge = try c.value(.integrityPledge, or: false)
        preferredLawyer = try c.value(.preferredLawyer, or: "")
    }
}

extension ApplicationForm.Applicant {
    enum CodingKeys: String, CodingKey { case name, idNumber, phone, address, employer }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init()
        name = try c.value(.name, or: "")
        idNumber = try c.value(.idNumber, or: "")
        phone = try c.value(.phone, or: "")
        address = try c.value(.address, or: "")
        employer = try c.value(.employer, or: "")
    }
}

extension ApplicationForm.Agent {
    enum CodingKeys: String, CodingKey { case name, relation, idNumber, phone }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init()
        name = try c.value(.name, or: "")
        relation = try c.value(.relation, or: .closeRelative)
        idNumber = try c.value(.idNumber, or: "")
        phone = try c.value(.phone, or: "")
    }
}

extension ApplicationForm.Matter {
    enum CodingKeys: String, CodingKey { case type, cause, opposingParty, facts, helpWanted, applicantDetained }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init()
        type = try c.decodeIfPresent(MatterType.self, forKey: .type)
        cause = try c.value(.cause, or: "")
        opposingParty = try c.value(.opposingParty, or: "")
        facts = try c.value(.facts, or: "")
        helpWanted = try c.value(.helpWanted, or: "")
        applicantDetained = try c.value(.applicantDetained, or: false)
    }
}

extension ApplicationForm.Household {
    enum CodingKeys: String, CodingKey { case members, monthlyIncomeYuan, incomeNote }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init()
        members = try c.decodeIfPresent(Int.self, forKey: .members)
        monthlyIncomeYuan = try c.decodeIfPresent(Int.self, forKey: .monthlyIncomeYuan)
        incomeNote = try c.value(.incomeNote, or: "")
    }
}
