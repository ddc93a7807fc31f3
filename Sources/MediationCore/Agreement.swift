import Foundation

/// Who signs an agreement: each party, and the mediator (人民调解法 第29条).
public struct Signatory: Hashable, Codable, Sendable {
    public enum Role: String, Codable, Sendable {
        case party, mediator
    }

    public var id: UUID
    public var role: Role
    public var name: String

    public init(id: UUID, role: Role, name: String) {
        self.id = id
        self.role = role
        self.name = name
    }
}

/// How a signature was given.
public enum SigningMethod: Hashable, Codable, Sendable {
    /// On screen, confirmed by an SMS code sent to the signer's own number.
    case onScreen
    /// On paper, recorded with the scan (the stored file's id).
    case onPaper(scan: UUID)
}

/// A written agreement (调解协议书, 第28–29条) in one version: it takes effect when every party
/// and the mediator have signed and the committee has sealed it. Changing the terms makes a new
/// version that needs every signature again. An oral agreement (第28条, simple matters) takes
/// effect when the parties reach it (第30条) and is recorded as such.
public struct Agreement: Sendable, Equatable {
    public struct Signature: Hashable, Sendable {
        public var signatory: Signatory
        public var at: Date
        public var method: SigningMethod

        public init(signatory: Signatory, at: Date, method: SigningMethod) {
            self.signatory = signatory
            self.at = at
            self.method = method
        }
    }

    public var version: Int
    public var terms: String
    public var oral: Bool
    public let signatories: [Signatory]
    public private(set) var signatures: [Signature]
    public private(set) var sealedAt: Date?

    public init(version: Int = 1, terms: String, signatories: [Signatory], oral: Bool = false,
                signatures: [Signature] = [], sealedAt: Date? = nil) {
        self.version = version
        self.terms = terms
        self.signatories = signatories
        self.oral = oral
        self.signatures = signatures
        self.sealedAt = sealedAt
    }

    public var unsigned: [Signatory] { signatories.filter { who in !signatures.contains { $0.signatory.id == who.id } } }

    public var isEffective: Bool { oral || (unsigned.isEmpty && sealedAt != nil) }

    /// The day it took effect: the seal's (all signatures come before it), or nil.
    public var effectiveAt: Date? { oral ? signatures.map(\.at).max() : sealedAt }

    public mutating func sign(_ who: Signatory, at: Date, method: SigningMethod) throws(MediationError) {
        guard signatories.contains(where: { $0.id == who.id }) else { throw .notASignatory(who: who.name) }
        guard !signatures.contains(where: { $0.signatory.id == who.id }) else { throw .alreadySigned(who: who.name) }
        signatures.append(Signature(signatory: who, at: at, method: method))
    }

    public mutating func seal(at: Date) throws(MediationError) {
        guard unsigned.isEmpty else { throw .sealBeforeSignatures }
        sealedAt = at
    }

    /// The same agreement with new terms: refused in place once anyone has signed — the change
    /// is a new version, signed again by everyone.
    public mutating func change(terms: String) throws(MediationError) {
        guard signatures.isEmpty && sealedAt == nil else { throw .changedAfterSigning }
        self.terms = terms
    }

    public func newVersion(terms: String) -> Agreement {
        Agreement(version: version + 1, terms: terms, signatories: signatories, oral: oral)
    }
}
