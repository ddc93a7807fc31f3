import Foundation
import LegalAidCore

/// The consultation desk's addresses: asking (`/consult`), the desk (`/desk`), the live sockets and the 12348 hotline's events.
extension SiteURL {
    static let consultScript = SiteURL("/js/consult.js")
    static let consult = SiteURL("/consult")
    static func consultation(_ id: Parameter<UUID>) -> SiteURL { SiteURL("/consult/\(id.segment("id"))") }
    static func consultationMessages(_ id: Parameter<UUID>) -> SiteURL { SiteURL("/consult/\(id.segment("id"))/messages") }
    static func consultationStep(_ id: Parameter<UUID>, _ step: ConsultationStep) -> SiteURL { SiteURL("/consult/\(id.segment("id"))/\(step.rawValue)") }
    static func consultationLive(_ id: Parameter<UUID>) -> SiteURL { SiteURL("/consult/\(id.segment("id"))/live") }
    static func consultationFiles(_ id: Parameter<UUID>) -> SiteURL { SiteURL("/consult/\(id.segment("id"))/files") }
    static func consultationFile(_ id: Parameter<UUID>, _ file: Parameter<UUID>) -> SiteURL { SiteURL("/consult/\(id.segment("id"))/files/\(file.segment("file"))") }
    /// Where an SMS link opens a conversation: its key travels in the fragment (never sent to a
    /// server or written to a log) and is posted here once, for this browser's session.
    static func consultationOpen(_ id: Parameter<UUID>) -> SiteURL { SiteURL("/consult/\(id.segment("id"))/open") }
    static let desk = SiteURL("/desk")
    static let deskDuty = SiteURL("/desk/duty")
    static let deskNext = SiteURL("/desk/next")
    static let deskLive = SiteURL("/desk/live")
    static let deskCalls = SiteURL("/desk/calls")
    static func consultationToFAQ(_ id: Parameter<UUID>) -> SiteURL { SiteURL("/consult/\(id.segment("id"))/faq") }
}

extension APIPath {
    static let consultations = APIPath("/consultations")
    static let consultationPhoneCode = APIPath("/consultations/phone-code")
    static func consultation(_ id: Parameter<UUID>) -> APIPath { APIPath("/consultations/\(id.segment("id"))") }
    static func consultationMessages(_ id: Parameter<UUID>) -> APIPath { APIPath("/consultations/\(id.segment("id"))/messages") }
    static func consultationStep(_ id: Parameter<UUID>, _ step: ConsultationStep) -> APIPath { APIPath("/consultations/\(id.segment("id"))/\(step.rawValue)") }
    static func consultationFiles(_ id: Parameter<UUID>) -> APIPath { APIPath("/consultations/\(id.segment("id"))/files") }
    static func consultationFile(_ id: Parameter<UUID>, _ file: Parameter<UUID>) -> APIPath { APIPath("/consultations/\(id.segment("id"))/files/\(file.segment("file"))") }
    static let desk = APIPath("/desk")
    static let deskDuty = APIPath("/desk/duty")
    static let deskNext = APIPath("/desk/next")
    static let hotlineEvents = APIPath("/hotline/events")
    static let deskCalls = APIPath("/desk/calls")
}

/// Steps on a consultation (page and API alike).
enum ConsultationStep: String, Sendable, CaseIterable {
    case take
    case handOver = "hand-over"
    case close
    case reply
    case callback
    case withdraw
    case rate
}
