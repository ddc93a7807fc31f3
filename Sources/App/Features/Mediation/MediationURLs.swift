import Foundation
import MediationCore

/// People's mediation's addresses.
extension SiteURL {
    static let disputes = SiteURL("/disputes")
    static func dispute(_ type: Parameter<DisputeType>) -> SiteURL { SiteURL("/disputes/\(type.segment("type"))") }
    /// A citizen applies online; their own applications.
    static let applyMediation = SiteURL("/disputes/apply")
    static let myMediations = SiteURL("/disputes/mine")

    /// Staff: the committee's list, a new one at the window, one mediation and its steps.
    static let mediations = SiteURL("/mediations")
    static let newMediation = SiteURL("/mediations/new")
    static func mediation(_ id: Parameter<UUID>) -> SiteURL { SiteURL("/mediations/\(id.segment("id"))") }
    static func mediationAction(_ id: Parameter<UUID>, _ action: MediationAction) -> SiteURL {
        SiteURL("/mediations/\(id.segment("id"))/\(action.rawValue)")
    }
    static func mediationAgreementPrint(_ id: Parameter<UUID>) -> SiteURL { SiteURL("/mediations/\(id.segment("id"))/agreement.html") }

    /// A party: the SMS link (key in the fragment), then their own page.
    static func mediationOpen(_ party: Parameter<UUID>) -> SiteURL { SiteURL("/m/\(party.segment("party"))/open") }
    static func mediationParty(_ party: Parameter<UUID>) -> SiteURL { SiteURL("/m/\(party.segment("party"))") }
    static func mediationPartyAction(_ party: Parameter<UUID>, _ action: MediationPartyAction) -> SiteURL {
        SiteURL("/m/\(party.segment("party"))/\(action.rawValue)")
    }
    static let mediationScript = SiteURL("/js/mediation.js")
}

extension APIPath {
    static let mediations = APIPath("/mediations")
    static func mediation(_ id: Parameter<UUID>) -> APIPath { APIPath("/mediations/\(id.segment("id"))") }
}

/// What staff do to a mediation, each a form posted to its own address.
enum MediationAction: String, CaseIterable, Sendable {
    case reply, deliver, invite, notice, assign, recuse, rights, session, extend, agreement, code, sign, seal, court, visit, fail, withdraw, flag, unflag, application
}

/// What a party does through their own page.
enum MediationPartyAction: String, CaseIterable, Sendable {
    case reply, rights, code, sign
}
