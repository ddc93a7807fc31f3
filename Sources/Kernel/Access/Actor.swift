import Foundation

/// Who is acting: an account, its roles and the organisation it works for.
public struct Actor: Hashable, Sendable {
    public var accountID: UUID
    public var roles: RoleSet
    /// Staff belong to an organisation; citizens do not.
    public var organisationID: UUID?

    public init(accountID: UUID, roles: RoleSet, organisationID: UUID?) {
        self.accountID = accountID
        self.roles = roles
        self.organisationID = organisationID
    }

    public func has(_ role: Role) -> Bool { roles.contains(role) }
}
