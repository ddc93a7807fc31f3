import Fluent
import LegalAidCore
import Vapor

/// One application: its page, the actions on it, its evidence files and its documents.
struct ApplicationController: RouteCollection {
    func boot(routes: RoutesBuilder) throws {
        routes.get(.application(.key), use: show)
        routes.post(.action(.key, .key), use: act)
        routes.post(.uploadAttachments(.key), use: upload)
        routes.get(.attachment(.key), use: download)
        routes.get(.document(.key), use: document)
    }

    func show(req: Request) async throws -> HTML {
        let account = try req.requireAccount()
        let reference = try await req.referenceData()
        let app = try await ApplicationService(req).find(try req.parameters.id(), for: account, reference: reference)
        var page = try await ApplicationDetailPage.query(req, app: app, account: account, reference: reference)
        if req.query[String.self, at: "reveal"] == "1", let actor = account.actor, PersonalDataPolicy.mayReveal(actor) {
            page.revealed = true
            try await req.audit("personalData.reveal", target: "application:\(app.number)")
        } else {
            try await req.audit("personalData.view", target: "application:\(app.number)")
        }
        return page.render(req)
    }

    /// The fields any action form may post.
    struct ActionInput: Content {
        var version: Int?
        var items: String?
        var supplyBy: String?
        var note: String?
        var reason: String?
        var referral: String?
        var opinion: String?
        var recommendation: String?
        var eligibilityOverride: String?
        var reasons: String?

        var values: [String: String] {
            var all: [String: String] = [:]
            for (key, value) in [("items", items), ("supplyBy", supplyBy), ("note", note), ("reason", reason), ("referral", referral),
                                 ("opinion", opinion), ("recommendation", recommendation), ("eligibilityOverride", eligibilityOverride), ("reasons", reasons)] {
                if let value { all[key] = value }
            }
            return all
        }

        /// The domain event for a kind, or the field that makes it unreadable.
        func event(_ kind: ApplicationEventKind) throws -> ApplicationEvent {
            switch kind {
            case .submit: return .submit
            case .requestMaterials:
                let lines = (items ?? "").split(whereSeparator: \.isNewline).map { String($0) }
                guard let date = LocalDate(iso: (supplyBy ?? "").trimmingCharacters(in: .whitespaces)) else {
                    throw AppError.invalid(field: "supplyBy", "请按“年-月-日”填写补充期限，例如 2026-12-08")
                }
                return .requestMaterials(MaterialsRequest(items: lines, supplyBy: date))
            case .supplyMaterials: return .supplyMaterials(note: note ?? "")
            case .preReject: return .preReject(reason: reason ?? "", referral: referral ?? "")
            case .preApprove: return .preApprove(opinion: opinion ?? "")
            case .accept: return .accept
            case .fileReview:
                guard let recommendation, ["approve", "deny"].contains(recommendation) else {
                    throw AppError.invalid(field: "recommendation", "请选择审查结论")
                }
                let override = (eligibilityOverride ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
                return .fileReview(ReviewOpinion(recommendApproval: recommendation == "approve", opinion: opinion ?? "",
                                                 eligibilityOverride: override.isEmpty ? nil : override))
            case .approve: return .approve(note: note ?? "")
            case .deny: return .deny(reasons: reasons ?? "")
            case .returnForReview: return .returnForReview(reason: reason ?? "")
            case .withdraw: return .withdraw(reason: reason ?? "")
            case .deemWithdrawn: return .deemWithdrawn
            case .reopenAfterObjection: throw AppError.notFound()  // only through the bureau's objection decision
            }
        }
    }

    func act(req: Request) async throws -> Response {
        let account = try req.requireAccount()
        let id = try req.parameters.id()
        guard let kind = ApplicationEventKind(rawValue: req.parameters.get("event") ?? "") else { throw AppError.notFound() }
        let input = try req.content.decode(ActionInput.self)
        do {
            let (app, transition) = try await ApplicationService(req).perform(try input.event(kind), on: id, expectedVersion: input.version, by: account)
            req.flash("已完成：\(kind.chinese)。当前状态：\(transition.to.chinese)。")
            return req.redirect(to: SiteURL.application(app.id!).path)
        } catch let error as AppError where error.status == .unprocessableEntity {
            return try await refused(req, id: id, account: account, action: kind.rawValue, values: input.values, errors: error.fieldErrors)
        } catch let error as WorkflowError {
            if error == .changedConcurrently || error.field == nil {
                req.flash(error.message)
                return try await refused(req, id: id, account: account, action: nil, values: [:], errors: [], status: AppError(error).status)
            }
            return try await refused(req, id: id, account: account, action: kind.rawValue, values: input.values,
                                     errors: [FieldError(field: error.field!, code: error.code, message: error.message)])
        }
    }

    /// Shows the page again with the refused action open, what was typed, and why.
    func refused(_ req: Request, id: UUID, account: AccountModel, action: String?, values: [String: String], errors: [FieldError],
                         status: HTTPResponseStatus = .unprocessableEntity) async throws -> Response {
        let reference = try await req.referenceData()
        let app = try await ApplicationService(req).find(id, for: account, reference: reference)
        var page = try await ApplicationDetailPage.query(req, app: app, account: account, reference: reference)
        page.failedAction = action
        page.values = values
        page.errors = FormErrors(errors)
        return try await page.render(req).response(req, status: status)
    }

    struct UploadInput: Content {
        var attachments: [File]?
    }

    func upload(req: Request) async throws -> Response {
        let account = try req.requireAccount()
        let reference = try await req.referenceData()
        let app = try await ApplicationService(req).find(try req.parameters.id(), for: account, reference: reference)
        guard AttachmentStore.mayUpload(to: app, account: account, reference: reference) else { throw AppError.forbidden }
        let files = (try req.content.decode(UploadInput.self).attachments ?? []).filter { $0.data.readableBytes > 0 }
        var errors = files.compactMap { AttachmentStore.check($0, field: "attachments", maxBytes: req.fayuan.settings.maxUploadBytes) }
        if files.isEmpty { errors.append(FieldError(field: "attachments", code: "required", message: "请选择要上传的文件")) }
        guard errors.isEmpty else {
            return try await refused(req, id: app.id!, account: account, action: "upload", values: [:], errors: errors)
        }
        let uploads = try await AttachmentStore.stage(files, request: req)
        let stored = try await uploads.atomically { try await ApplicationService(req).addEvidence($0, to: app, by: account) }
        req.flash("已上传\(stored.count)个文件。")
        return req.redirect(to: SiteURL.application(app.id!).path)
    }

    /// Evidence is sent as a download with its checked type, never rendered inline as something else.
    func download(req: Request) async throws -> Response {
        let account = try req.requireAccount()
        guard let file = try await AttachmentModel.find(try req.parameters.id(), on: req.db) else { throw AppError.notFound("文件") }
        let reference = try await req.referenceData()
        let app = try await ApplicationService(req).find(file.applicationID, for: account, reference: reference)
        try await req.audit("personalData.view", target: "application:\(app.number)", detail: "附件 \(file.id!)")
        let path = req.fayuan.uploadsDirectory + "/" + file.storedName
        let response = try await req.fileio.asyncStreamFile(at: path)
        response.headers.contentType = HTTPMediaType(type: String(file.contentType.split(separator: "/")[0]), subType: String(file.contentType.split(separator: "/")[1]))
        let encoded = file.originalName.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "file"
        response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"attachment\"; filename*=UTF-8''\(encoded)")
        response.headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        response.headers.replaceOrAdd(name: .cacheControl, value: "private, no-store")
        return response
    }

    func document(req: Request) async throws -> HTML {
        let account = try req.requireAccount()
        guard let doc = try await DocumentModel.find(try req.parameters.id(), on: req.db) else { throw AppError.notFound("文书") }
        let reference = try await req.referenceData()
        // Whoever may see the application, or its case (the assigned lawyer: the 指派通知书 is addressed to them).
        let app: ApplicationModel
        var backTo = SiteURL.application(doc.applicationID)
        do {
            app = try await ApplicationService(req).find(doc.applicationID, for: account, reference: reference)
        } catch let error as AppError where error.status == .notFound {
            guard let record = try await CaseModel.query(on: req.db).filter(\.$applicationID == doc.applicationID).first() else { throw error }
            app = try await CaseService(req).find(record.id!, for: account, reference: reference).1
            backTo = .legalAidCase(record.id!)
        }
        try await req.audit("personalData.view", target: "application:\(app.number)", detail: "文书 \(doc.number)")
        return DocumentPage(content: doc.content, backTo: backTo).render(req)
    }
}
