import Foundation
import MediationCore

/// People's mediation's addresses.
extension SiteURL {
    static let disputes = SiteURL("/disputes")
    static func dispute(_ type: Parameter<DisputeType>) -> SiteURL { SiteURL("/disputes/\(type.segment("type"))") }
}
