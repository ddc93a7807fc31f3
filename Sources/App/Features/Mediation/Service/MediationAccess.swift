import Fluent
import MediationCore
import Vapor

/// Who may see and act on a mediation (DOMAIN §2, issue #26): the mediators of its committee
/// see and work on it; a supervisor (and the bureau) sees every one; a party sees their own
/// through their account or their link; nobody else learns that it exists.
enum MediationAccess {
    static func seesAll(_ account: AccountModel) -> Bool {
        account.roles?.contains(.supervisor) == true
    }

    static func isMediator(_ account: AccountModel) -> Bool {
        account.roles?.contains(.mediator) == true
    }

    /// May read the mediation's record.
    static func sees(_ mediation: MediationModel, _ account: AccountModel) -> Bool {
        seesAll(account) || (isMediator(account) && account.organisationID == mediation.committeeID)
    }

    /// May work on it: a mediator of its committee.
    static func works(_ mediation: MediationModel, _ account: AccountModel) -> Bool {
        isMediator(account) && account.organisationID == mediation.committeeID
    }

    /// Staff who may open the mediation pages at all.
    static func requireStaff(_ req: Request) throws -> AccountModel {
        let account = try req.requireAccount()
        guard isMediator(account) || seesAll(account) else { throw AppError.forbidden }
        return account
    }

    static func requireMediator(_ req: Request) throws -> AccountModel {
        let account = try req.requireAccount()
        guard isMediator(account) else { throw AppError.forbidden }
        return account
    }
}

extension MediationService {
    /// The mediation for a staff member who may see it (anyone else: not found, audited).
    func seen(_ id: UUID, by account: AccountModel) async throws -> MediationModel {
        let mediation = try await find(id)
        guard MediationAccess.sees(mediation, account) else { throw AppError.refused("调解", target: "mediation:\(id)") }
        return mediation
    }

    /// The mediation for a mediator of its committee.
    func worked(_ id: UUID, by account: AccountModel) async throws -> MediationModel {
        let mediation = try await find(id)
        guard MediationAccess.works(mediation, account) else { throw AppError.refused("调解", target: "mediation:\(id)") }
        return mediation
    }
}
