import Fluent
import MediationCore
import Vapor

extension API {
    /// A new mediation as the API takes it: the page's fields, as JSON.
    struct MediationWrite: Content {
        var type: String?
        var source: String?
        var sourceRef: String?
        var facts: String?
        var claims: String?
        var applicantName: String?
        var applicantPhone: String?
        var applicantAgent: String?
        var applicantPlace: String?
        var respondentName: String?
        var respondentPhone: String?
        var respondentOrganisation: Bool?
        var respondentAddress: String?
        var respondentPlace: String?
        var language: String?
        var joint: Bool?

        var form: MediationInput.Form {
            MediationInput.Form(type: type, source: source, sourceRef: sourceRef, facts: facts, claims: claims, applicantName: applicantName,
                                applicantPhone: applicantPhone, applicantOrganisation: nil, applicantAgent: applicantAgent, applicantPlace: applicantPlace,
                                respondentName: respondentName, respondentPhone: respondentPhone,
                                respondentOrganisation: respondentOrganisation == true ? "true" : nil, respondentAddress: respondentAddress,
                                respondentPlace: respondentPlace, language: language, joint: joint == true ? "true" : nil)
        }
    }

    struct MediationParty: Content {
        var id: UUID
        var side: String
        var name: String
        var organisation: Bool
        var reply: String?
        var rightsAcknowledged: Bool
    }

    struct Mediation: Content {
        var id: UUID
        var number: String
        var type: String
        var typeLabel: String
        var source: String
        var state: String
        var stateLabel: String
        var version: Int
        var committeeID: UUID
        var committeeName: String
        var mediatorAccountID: UUID?
        var replyDue: String?
        var acceptedOn: String?
        var agreementEffectiveOn: String?
        var escalationOpen: Bool
        var createdAt: Date
        var parties: [MediationParty]?
    }
}

/// `/api/v1/mediations`: a citizen applies for themselves; desk staff, lawyers and mediators
/// register one for others; the committee's mediators and the supervisor list and read them —
/// the same checks, service and audit as the pages.
struct MediationAPIController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        let api = routes.grouped(BearerAccountAuthenticator(), IdempotencyKeys())
        api.get(.api(.mediations), use: list)
        api.post(.api(.mediations), use: create)
        api.get(.api(.mediation(.key)), use: show)
    }

    static func body(_ m: MediationModel, reference: ReferenceData, parties: [MediationPartyModel]?) -> API.Mediation {
        API.Mediation(id: m.id!, number: m.number, type: m.type, typeLabel: m.disputeType.chinese, source: m.source, state: m.state,
                      stateLabel: m.mediationState.chinese, version: m.version, committeeID: m.committeeID, committeeName: reference.name(m.committeeID),
                      mediatorAccountID: m.mediatorAccountID, replyDue: m.replyDue, acceptedOn: m.acceptedOn, agreementEffectiveOn: m.agreementEffectiveOn,
                      escalationOpen: m.escalationOpen, createdAt: m.createdAt,
                      parties: parties?.map { API.MediationParty(id: $0.id!, side: $0.side, name: $0.name, organisation: $0.organisation, reply: $0.reply,
                                                                 rightsAcknowledged: $0.rightsAcknowledgedAt != nil) })
    }

    func list(req: Request) async throws -> PagedJSON<API.Mediation> {
        let account = try MediationAccess.requireStaff(req)
        let state: MediationState?
        if let raw = try req.queryChoice("state", label: "调解状态") {
            guard let known = MediationState(rawValue: raw) else { throw AppError.invalid(field: "state", code: "invalidChoice", "没有这种调解状态") }
            state = known
        } else {
            state = nil
        }
        let flagged: Bool
        switch try req.queryChoice("flagged", label: "只看风险预警") {
        case nil: flagged = false
        case "1": flagged = true
        default: throw AppError.invalid(field: "flagged", code: "invalidChoice", "“只看风险预警”只能是 1 或不填")
        }
        let page = try await MediationService(req).list(for: account, state: state, flagged: flagged, page: try ListPage.from(req))
        let reference = try await req.referenceData()
        return PagedJSON(page.map { Self.body($0, reference: reference, parties: nil) })
    }

    func show(req: Request) async throws -> API.Mediation {
        let account = try MediationAccess.requireStaff(req)
        let service = MediationService(req)
        let mediation = try await service.seen(try req.parameters.id(), by: account)
        try await req.audit("mediation.view", target: "mediation:\(mediation.id!)", detail: mediation.number)
        return Self.body(mediation, reference: try await req.referenceData(), parties: try await service.parties(of: mediation.id!))
    }

    func create(req: Request) async throws -> Response {
        let account = try req.requireAccount()
        var form = try req.content.decode(API.MediationWrite.self).form
        if account.isCitizen {
            form.source = nil
            form.sourceRef = nil
            form.joint = nil
        } else {
            _ = try MediationApplyController.requireStarter(req)
        }
        let input = try MediationInput.parse(form, defaultSource: .partyApplication).mapError { AppError.invalid($0.errors) }.get()
        let reference = try await req.referenceData()
        let applicant = account.isCitizen ? account.id : try await MediationPrefill.applicantAccount(input, req: req)
        let started = try await MediationService(req).start(input, by: account, applicantAccount: applicant, reference: reference)
        let parties = try await MediationService(req).parties(of: started.mediation.id!)
        return try await Self.body(started.mediation, reference: reference, parties: parties).encodeResponse(status: .created, for: req)
    }
}
