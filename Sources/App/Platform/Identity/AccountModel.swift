import Fluent
import LegalAidCore
import Vapor

final class AccountModel: Model, @unchecked Sendable {
    static let schema = "accounts"

    @ID(key: .id) var id: UUID?
    /// Staff log in with a username; citizens with their mobile number, which is kept here
    /// only as a keyed hash (`AccountModel.citizenUsername`).
    @Field(key: "username") var username: String
    /// A citizen's mobile number, encrypted.
    @OptionalField(key: "phone") var sealedPhone: Sealed<String>?
    @Field(key: "password_hash") var passwordHash: String
    @Field(key: "display_name") var displayName: String
    /// The account's own copy of its role set (comma-separated raw values), read with the row;
    /// `account_roles` holds the same set as rows for "who holds role X". Written only through
    /// `roles`, never compared as text.
    @Field(key: "roles") var storedRoles: String
    @OptionalField(key: "organisation_id") var organisationID: UUID?
    @Field(key: "must_change_password") var mustChangePassword: Bool
    @Field(key: "failed_logins") var failedLogins: Int
    @OptionalField(key: "first_failed_at") var firstFailedAt: Date?
    @OptionalField(key: "locked_until") var lockedUntil: Date?
    /// Bumped by "log out everywhere": sessions signed in under an older epoch end.
    @Field(key: "session_epoch") var sessionEpoch: Int
    /// The authenticator key (staff second factor), encrypted.
    @OptionalField(key: "totp_secret") var sealedTOTPSecret: Sealed<Data>?
    /// The last time step whose code was used: a code works once.
    @OptionalField(key: "totp_last_counter") var totpLastCounter: Int64?
    /// SHA-256 of each unused recovery code, comma-separated.
    @OptionalField(key: "recovery_codes") var recoveryCodeHashes: String?
    /// A citizen who chose to confirm each sign-in with an SMS code.
    @Field(key: "sms_second_factor") var smsSecondFactor: Bool
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    /// The fields listed by hand: Fluent finds them by reflection otherwise, at every read and
    /// write (#27). `ModelFieldListTests` checks the list against reflection.
    var properties: [any AnyProperty] { [$id, $username, $sealedPhone, $passwordHash, $displayName, $storedRoles, $organisationID, $mustChangePassword, $failedLogins, $firstFailedAt, $lockedUntil, $sessionEpoch, $sealedTOTPSecret, $totpLastCounter, $recoveryCodeHashes, $smsSecondFactor, $createdAt] }

    init() {}

    init(id: UUID = UUID(), username: String, passwordHash: String, displayName: String, roles: RoleSet, organisationID: UUID?, mustChangePassword: Bool = false) {
        self.id = id
        self.username = username
        self.passwordHash = passwordHash
        self.displayName = displayName
        self.storedRoles = Self.text(roles)
        self.organisationID = organisationID
        self.mustChangePassword = mustChangePassword
        self.failedLogins = 0
        self.sessionEpoch = 0
        self.smsSecondFactor = false
    }

    var lockout: LockoutPolicy.State {
        get { LockoutPolicy.State(failures: failedLogins, firstFailureAt: firstFailedAt, lockedUntil: lockedUntil) }
        set {
            failedLogins = newValue.failures
            firstFailedAt = newValue.firstFailureAt
            lockedUntil = newValue.lockedUntil
        }
    }

    /// The roles, validated through `RoleSet` on every load (nil when the stored set breaks the rules).
    var roles: RoleSet? {
        get { try? RoleSet(storedRoleSet) }
        set { storedRoles = newValue.map(Self.text) ?? "" }
    }

    /// Every stored role that is a known role, valid combination or not.
    var storedRoleSet: Set<Role> { Set(storedRoles.split(separator: ",").compactMap { Role(rawValue: String($0)) }) }

    private static func text(_ roles: RoleSet) -> String { roles.roles.map(\.rawValue).sorted().joined(separator: ",") }

    /// The acting person as the core sees them. An account whose stored roles break the
    /// rules (e.g. two administrators) gets no actor and so can do nothing.
    var actor: Actor? {
        guard let id, let roles else { return nil }
        return Actor(accountID: id, roles: roles, organisationID: organisationID)
    }

    var isCitizen: Bool { roles?.contains(.citizen) ?? false }

    var totpSecret: Data? {
        get { sealedTOTPSecret?.value }
        set { sealedTOTPSecret = newValue.map(Sealed.init) }
    }

    /// Staff always sign in with an authenticator code; citizens may choose an SMS code.
    var needsSecondFactor: Bool { !isCitizen }
    var usesSMSCode: Bool { isCitizen && smsSecondFactor && phone != nil }

    var phone: String? {
        get { sealedPhone?.value }
        set { sealedPhone = newValue.map(Sealed.init) }
    }

    /// What a citizen's account is found by: never the number itself.
    static func citizenUsername(phone: MobileNumber) -> String {
        "m:" + Vault.ring.blindIndex(phone.value, purpose: "phone")
    }
}

extension AccountModel: ModelSessionAuthenticatable {}

extension AccountModel {
    /// The names of the given accounts (one query), for lists that show who did something.
    static func displayNames(_ ids: [UUID], on db: Database) async throws -> [UUID: String] {
        let unique = Array(Set(ids))
        guard !unique.isEmpty else { return [:] }
        return Dictionary(try await AccountModel.query(on: db).filter(\.$id ~~ unique).all().map { ($0.id!, $0.displayName) },
                          uniquingKeysWith: { a, _ in a })
    }
}
