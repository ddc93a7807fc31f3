import Fluent
import LegalAidCore
import MediationCore
import Vapor

/// The committee's forms: each posts the mediation's version it was drawn on, so two mediators
/// acting at once cannot both win; a refusal shows the page again with the reason by its field.
extension MediationController {
    struct ActionForm: Content {
        var version: String?
        var party: String?
        var answer: String?
        var reason: String?
        var method: String?
        var mediator: String?
        var chosen: String?
        var startsAt: String?
        var place: String?
        var video: String?
        var withParty: String?
        var attended: [String]?
        var record: String?
        var agreementFacts: String?
        var terms: String?
        var oral: String?
        var signatory: String?
        var code: String?
        var scan: File?
        var courtAnswer: String?
        var performed: String?
        var visitNote: String?
        var risks: [String]?
        var note: String?
        var followUp: String?
        var point: String?
    }

    func act(_ action: MediationAction, req: Request) async throws -> Response {
        let account = try MediationAccess.requireMediator(req)
        let service = MediationService(req)
        let mediation = try await service.worked(try req.parameters.id(), by: account)
        let form = try req.content.decode(ActionForm.self)
        let version = form.version.flatMap(Int.init)
        if action == .notice { return try await notice(form, on: mediation, by: account, service: service, req: req) }
        do {
            let said = try await perform(action, form, on: mediation, version: version, by: account, service: service, req: req)
            req.flash(said)
            return req.redirect(to: SiteURL.mediation(.value(mediation.id!)).path)
        } catch let error as AppError where error.refusesForm {
            return try await refused(error, mediation, for: account, service: service, req: req)
        }
    }

    /// The mediation's page again, as it stands now, with the refusal by its field.
    private func refused(_ error: AppError, _ mediation: MediationModel, for account: AccountModel, service: MediationService,
                         req: Request) async throws -> Response {
        var page = try await MediationView.page(try await service.find(mediation.id!), for: account, req: req)
        page.errors = FormErrors(error.formErrors)
        return try await page.render(req).response(req, status: error.status)
    }

    /// 人民调解邀请通知书 for the other side, on A4, its QR code opening their page.
    private func notice(_ form: ActionForm, on mediation: MediationModel, by account: AccountModel, service: MediationService, req: Request) async throws -> Response {
        do {
            let party = try await party(form, of: mediation, service: service)
            let key = try await service.printedInvitation(mediation, party: party, by: account)
            let reference = try await req.referenceData()
            let committee = reference.organisations[mediation.committeeID]
            let applicant = try await service.parties(of: mediation.id!).first { $0.partySide == .applicant }
            return try await InvitationNoticePage(
                number: mediation.number, respondent: party.name, applicant: applicant?.name ?? "", type: mediation.disputeType.chinese,
                committee: committee?.name ?? "", committeePhone: committee?.phone ?? "", committeeAddress: committee?.address ?? "",
                replyDue: mediation.replyDueDay?.chinese ?? "", issuedOn: LocalDate(req.now).chinese,
                link: req.fayuan.settings.publicURL.map { $0 + SiteURL.mediationOpen(.value(party.id!)).path + "#key=" + key },
                backTo: mediation.id!).render(req).encodeResponse(for: req)
        } catch let error as AppError where error.refusesForm {
            return try await refused(error, mediation, for: account, service: service, req: req)
        }
    }

    private func party(_ form: ActionForm, of mediation: MediationModel, service: MediationService) async throws -> MediationPartyModel {
        guard let id = form.party.flatMap(UUID.init(uuidString:)),
              let party = try await service.parties(of: mediation.id!).first(where: { $0.id == id }) else {
            throw AppError.invalid(field: "party", code: "invalidChoice", "请选择本案的当事人")
        }
        return party
    }

    private func perform(_ action: MediationAction, _ form: ActionForm, on mediation: MediationModel, version: Int?, by account: AccountModel,
                         service: MediationService, req: Request) async throws -> String {
        let reason = (form.reason ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        switch action {
        case .reply:
            let party = try await party(form, of: mediation, service: service)
            guard let answer = form.answer, ["accept", "refuse"].contains(answer) else {
                throw AppError.invalid(field: "answer", code: "required", "请选择对方是否同意调解")
            }
            let updated = try await service.reply(party, accepts: answer == "accept", reason: reason, expectedVersion: version, by: .account(account))
            return "已登记\(party.name)的答复：\(updated.mediationState.chinese)"
        case .deliver:
            let party = try await party(form, of: mediation, service: service)
            try await service.deliveredInPerson(mediation, party: party, by: account)
            return "已登记当面送达\(party.name)"
        case .notice:
            // Answered with the notice itself, before this switch (`act`).
            throw AppError.notFound()
        case .invite:
            let party = try await party(form, of: mediation, service: service)
            _ = try await service.reinvite(mediation, party: party, by: account, reference: try await req.referenceData())
            return "已重新发送短信邀请给\(party.name)，原链接作废"
        case .assign:
            guard let mediator = form.mediator.flatMap(UUID.init(uuidString:)) else {
                throw AppError.invalid(field: "mediator", code: "required", "请选择调解员")
            }
            _ = try await service.assign(mediation, mediator: mediator, chosenByParties: form.chosen == "true", expectedVersion: version, by: account)
            return "已指定调解员"
        case .recuse:
            _ = try await service.recuse(mediation, reason: reason, expectedVersion: version, by: account)
            return "已登记回避，请另行指定调解员"
        case .rights:
            let party = try await party(form, of: mediation, service: service)
            try await service.acknowledgeRights(party, onPaper: form.method == "paper", by: .account(account))
            return "已登记告知\(party.name)权利义务"
        case .session:
            let session = try MediationSessionInput.parse(form, parties: try await service.parties(of: mediation.id!).map { $0.id! })
            _ = try await service.addSession(mediation, session, expectedVersion: version, by: account)
            return "已保存调解记录"
        case .extend:
            _ = try await service.extend(mediation, reason: reason, expectedVersion: version, by: account)
            return "调解期限已延长一个月"
        case .agreement:
            let updated = try await service.draftAgreement(mediation, facts: (form.agreementFacts ?? "").trimmingCharacters(in: .whitespacesAndNewlines),
                                                           terms: (form.terms ?? "").trimmingCharacters(in: .whitespacesAndNewlines),
                                                           oral: form.oral == "true", expectedVersion: version, by: account)
            return updated.mediationState == .agreed ? "已记录口头协议，协议生效" : "调解协议已保存，请各方签名"
        case .code:
            let party = try await party(form, of: mediation, service: service)
            try await service.sendSigningCode(mediation, party: party)
            return "验证码已发送到\(party.name)的手机，请当事人本人输入"
        case .sign:
            guard let id = form.signatory.flatMap(UUID.init(uuidString:)) else {
                throw AppError.invalid(field: "signatory", code: "required", "请选择签名人")
            }
            switch form.method {
            case "mediator":
                _ = try await service.sign(mediation, signatory: id, proof: .mediator, expectedVersion: version, by: .account(account))
            case "paper":
                guard let scan = form.scan, scan.data.readableBytes > 0 else { throw AppError.invalid(field: "scan", code: "required", "请上传签字页的扫描件或照片") }
                if let problem = AttachmentStore.check(scan, field: "scan", maxBytes: req.fayuan.settings.maxUploadBytes) { throw AppError.invalid([problem]) }
                let staged = try await AttachmentStore.stage([scan], request: req)
                guard let upload = staged.uploads.first else { throw AppError.invalid(field: "scan", code: "invalidFile", "请上传图片或PDF格式的扫描件") }
                _ = try await staged.atomically { _ in
                    try await service.sign(mediation, signatory: id, proof: .paper(upload), expectedVersion: version, by: .account(account))
                }
            default:
                _ = try await service.sign(mediation, signatory: id, proof: .code(form.code ?? ""), expectedVersion: version, by: .account(account))
            }
            return "已签名"
        case .seal:
            _ = try await service.seal(mediation, expectedVersion: version, by: account)
            return "已盖章，调解协议生效。请提醒双方可在30日内共同申请司法确认。"
        case .court:
            _ = try await service.recordCourtAnswer(mediation, answer: form.courtAnswer ?? "", expectedVersion: version, by: account)
            return "已登记司法确认结果"
        case .visit:
            guard let performed = form.performed, ["yes", "no"].contains(performed) else {
                throw AppError.invalid(field: "performed", code: "required", "请选择协议是否已经履行")
            }
            _ = try await service.returnVisit(mediation, performed: performed == "yes", note: form.visitNote ?? "", expectedVersion: version, by: account)
            return "已登记回访，调解结案"
        case .fail:
            _ = try await service.fail(mediation, reason: reason, expectedVersion: version, by: account)
            return "调解已终止。请告知当事人还可以通过哪些途径解决。"
        case .withdraw:
            _ = try await service.withdraw(mediation, reason: reason, expectedVersion: version, by: .account(account))
            return "调解已终止"
        case .flag:
            let risks = (form.risks ?? []).compactMap(EscalationRisk.init(rawValue:))
            _ = try await service.flag(mediation, risks: risks, note: (form.note ?? "").trimmingCharacters(in: .whitespacesAndNewlines),
                                       expectedVersion: version, by: account)
            return "已报告风险预警"
        case .unflag:
            _ = try await service.closeFlag(mediation, followUp: form.followUp ?? "", expectedVersion: version, by: account)
            return "已登记处置结果，预警解除"
        case .application:
            let number = try await MediationToApplication.file(mediation, point: form.point.flatMap(UUID.init(uuidString:)), by: account, req: req)
            return "已转为法律援助申请（申请编号\(number)），由所选联系点协助当事人补充并提交"
        }
    }
}

/// A session as the mediator typed it.
enum MediationSessionInput {
    static func parse(_ form: MediationController.ActionForm, parties: [UUID]) throws -> MediationService.NewSession {
        var errors: [FieldError] = []
        let raw = (form.startsAt ?? "").trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "T", with: " ")
        let parser = DateFormatter()
        parser.locale = Locale(identifier: "en_US_POSIX")
        parser.timeZone = LocalDate.chinaTimeZone
        parser.dateFormat = "yyyy-MM-dd HH:mm"
        let startsAt = parser.date(from: raw)
        if startsAt == nil { errors.append(FieldError(field: "startsAt", code: "invalidDate", message: "请填写调解时间，例如 2026-12-08 09:30")) }
        let place = (form.place ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if place.isEmpty || place.count > 200 { errors.append(FieldError(field: "place", code: "required", message: "请填写调解地点或视频会议链接（200字以内）")) }
        let record = (form.record ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if record.count < 10 { errors.append(FieldError(field: "record", code: "required", message: "请填写调解笔录（至少10个字）")) }
        if record.count > 10_000 { errors.append(FieldError(field: "record", code: "tooLong", message: "调解笔录不能超过10000字")) }
        let attended = (form.attended ?? []).compactMap(UUID.init(uuidString:))
        if attended.isEmpty { errors.append(FieldError(field: "attended", code: "required", message: "请选择到场的当事人")) }
        let withParty = (form.withParty ?? "").isEmpty ? nil : UUID(uuidString: form.withParty!)
        if let withParty, !attended.contains(withParty) {
            errors.append(FieldError(field: "attended", code: "separateSession", message: "背对背调解时，谈话的一方应当到场"))
        }
        guard errors.isEmpty, let startsAt else { throw AppError.invalid(errors) }
        return MediationService.NewSession(startsAt: startsAt, place: place, video: form.video == "true", withParty: withParty, attended: attended, record: record)
    }
}
