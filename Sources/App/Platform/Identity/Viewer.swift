import Foundation
import Kernel

/// The signed-in person as a page sees them: plain values, nothing sealed, so a page can be
/// built (and snapshotted) without a database row or a key ring.
struct Viewer: Sendable {
    var id: UUID
    var displayName: String
    var roles: RoleSet?
    var organisationID: UUID?

    init(id: UUID, displayName: String, roles: RoleSet?, organisationID: UUID?) {
        self.id = id
        self.displayName = displayName
        self.roles = roles
        self.organisationID = organisationID
    }

    init(_ account: AccountModel) {
        self.init(id: account.id!, displayName: account.displayName, roles: account.roles, organisationID: account.organisationID)
    }

    /// The acting person as the core sees them (nil when the stored roles break the rules).
    var actor: Actor? { roles.map { Actor(accountID: id, roles: $0, organisationID: organisationID) } }
    var isCitizen: Bool { roles?.contains(.citizen) ?? false }
}
