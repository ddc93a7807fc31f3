import Fluent
import MediationCore
import SQLKit
import Vapor

extension MediationService {
    /// The agreement as the rules see it: its version, terms and signatures, with every party and
    /// the acting mediator as signatories.
    func domainAgreement(_ row: MediationAgreementModel, of mediation: MediationModel, parties: [MediationPartyModel]) async throws -> Agreement {
        var signatories = parties.map(\.signatory)
        if let mediator = mediation.mediatorAccountID {
            let name = try await AccountModel.displayNames([mediator], on: db)[mediator] ?? "调解员"
            signatories.append(Signatory(id: mediator, role: .mediator, name: name))
        }
        let signed = try await signatures(of: row.id!).compactMap { s -> Agreement.Signature? in
            guard let who = signatories.first(where: { $0.id == s.signatoryID }) else { return nil }
            return Agreement.Signature(signatory: who, at: s.at, method: s.method == "paper" ? .onPaper(scan: UUID()) : .onScreen)
        }
        return Agreement(version: row.version, terms: row.terms, signatories: signatories, oral: row.oral, signatures: signed, sealedAt: row.sealedAt)
    }

    /// Writes the agreement's text: the first version, a change to an unsigned one, or — once
    /// anyone has signed — a new version that everyone signs again (the old one is kept, superseded).
    /// An oral agreement (第28条, simple matters) takes effect as it is recorded (第30条).
    func draftAgreement(_ mediation: MediationModel, facts: String, terms: String, oral: Bool, expectedVersion: Int?, by account: AccountModel) async throws -> MediationModel {
        guard mediation.mediationState == .mediating else { throw Self.refusal(.notAllowed(from: mediation.mediationState, event: "agreement")) }
        guard mediation.mediatorAccountID == account.id else {
            throw AppError(status: .conflict, code: "notTheMediator", message: "只有本案调解员可以起草调解协议", field: "mediator")
        }
        var errors: [FieldError] = []
        if facts.count < 10 { errors.append(FieldError(field: "agreementFacts", code: "required", message: "请写明纠纷的主要事实和争议事项（至少10个字）")) }
        if terms.count < 5 { errors.append(FieldError(field: "terms", code: "required", message: "请写明达成的协议内容，以及每一项履行的方式和期限")) }
        if facts.count > 4000 || terms.count > 4000 { errors.append(FieldError(field: "terms", code: "tooLong", message: "协议内容不能超过4000字")) }
        guard errors.isEmpty else { throw AppError.invalid(errors) }
        let current = try await agreement(of: mediation.id!)
        let signedAlready = try await current.asyncMap { try await signatures(of: $0.id!).isEmpty == false } ?? false
        return try await services.transaction(on: db) { tx in
            let row: MediationAgreementModel
            if let current, !signedAlready, current.sealedAt == nil {
                row = current
            } else {
                if let current {
                    current.superseded = true
                    try await current.update(on: tx)
                }
                row = MediationAgreementModel()
                row.mediationID = mediation.id!
                row.version = (current?.version ?? 0) + 1
                row.superseded = false
                row.createdAt = now
            }
            row.facts = facts
            row.terms = terms
            row.oral = oral
            try await row.save(on: tx)
            let note = "调解协议第\(row.version)版" + (oral ? "（口头协议）" : "") + (signedAlready ? "：原协议已有人签名，修改后须各方重新签名" : "")
            if oral {
                try await MediationSignatureModel.query(on: tx).filter(\.$agreementID == row.id!).delete()
                return try await step(mediation, .agreementTakesEffect, code: "oralAgreement", expectedVersion: expectedVersion, by: .account(account),
                                      note: note, facts: .init(agreementEffective: true), on: tx) {
                    $0.agreementEffectiveOn = today.iso
                    $0.agreementOral = true
                    $0.agreedAt = now
                }
            }
            return try await step(mediation, nil, code: "agreementDrafted", expectedVersion: expectedVersion, by: .account(account), note: note, on: tx)
        }
    }

    /// Sends the party a code to sign on screen (to their own number, never shown to staff).
    func sendSigningCode(_ mediation: MediationModel, party: MediationPartyModel) async throws {
        guard let phone = party.phone.flatMap(MobileNumber.parse) else {
            throw AppError.invalid(field: "signatory", code: "noPhone", "\(party.name)没有登记手机号，请改为纸面签字并上传扫描件")
        }
        try await PhoneCodes(scope: scope).send(to: phone, for: .agreementSigning, clientAddress: clientAddress) { code in
            Notice(AgreementSigningCode(number: mediation.number, code: code))
        }
    }

    enum SigningProof {
        /// The code the party received by SMS.
        case code(String)
        /// The scan of the page they signed on paper (staged, recorded with the signature).
        case paper(StagedUploads.Upload)
        /// The acting mediator, signed in.
        case mediator
    }

    /// One signature on the current version; when it is the last one and the committee has sealed,
    /// the agreement takes effect. A second signature by the same signatory is refused.
    /// A party signs only for themselves (on their own page, or on the mediator's screen, with the
    /// code their phone received); the mediator only as themselves.
    func sign(_ mediation: MediationModel, signatory id: UUID, proof: SigningProof, expectedVersion: Int?, by actor: Actor) async throws -> MediationModel {
        guard mediation.mediationState == .mediating, let row = try await agreement(of: mediation.id!) else {
            throw Self.refusal(.notAllowed(from: mediation.mediationState, event: "sign"))
        }
        let all = try await parties(of: mediation.id!)
        var agreement = try await domainAgreement(row, of: mediation, parties: all)
        guard let who = agreement.signatories.first(where: { $0.id == id }) else {
            throw AppError.invalid(field: "signatory", code: "notASignatory", "请从协议的签名人中选择")
        }
        if case .party(let party) = actor, party.id != id {
            throw AppError(status: .forbidden, code: "notTheSignatory", message: "只能本人签名", field: "signatory")
        }
        switch proof {
        case .code(let code):
            guard who.role == .party, let phone = all.first(where: { $0.id == id })?.phone.flatMap(MobileNumber.parse) else {
                throw AppError.invalid(field: "signatory", code: "notASignatory", "短信验证码签名只适用于当事人")
            }
            if agreement.signatures.contains(where: { $0.signatory.id == id }) { throw Self.refusal(.alreadySigned(who: who.name)) }
            try await PhoneCodes(scope: scope).confirm(phone, code: code, for: .agreementSigning)
        case .mediator:
            guard who.role == .mediator, id == actor.accountID else {
                throw AppError(status: .forbidden, code: "notTheMediator", message: "调解员只能本人签名", field: "signatory")
            }
        case .paper:
            guard who.role == .party else { throw AppError.invalid(field: "signatory", code: "notASignatory", "纸面签字只适用于当事人") }
        }
        do { try agreement.sign(who, at: now, method: .onScreen) } catch { throw Self.refusal(error) }
        return try await services.transaction(on: db) { tx in
            let signature = MediationSignatureModel()
            signature.agreementID = row.id!
            signature.signatoryID = id
            signature.role = who.role.rawValue
            signature.name = who.name
            if case .paper(let scan) = proof {
                signature.method = "paper"
                signature.scan = scan.storedName
            } else {
                signature.method = "screen"
            }
            signature.at = now
            do {
                try await signature.create(on: tx)
            } catch let error as any DatabaseError where error.isConstraintFailure {
                throw Self.refusal(.alreadySigned(who: who.name))
            }
            let how = switch proof { case .code: "短信验证码确认"; case .paper: "纸面签字（已上传扫描件）"; case .mediator: "调解员签名" }
            return try await step(mediation, nil, code: "sign", expectedVersion: expectedVersion, by: actor,
                                  note: "\(who.name)在第\(row.version)版协议上签名（\(how)）", on: tx)
        }
    }

    /// The committee's seal once everyone has signed: the agreement takes effect (第29条) and the
    /// 30 days for judicial confirmation begin.
    func seal(_ mediation: MediationModel, expectedVersion: Int?, by account: AccountModel) async throws -> MediationModel {
        guard let row = try await agreement(of: mediation.id!) else { throw Self.refusal(.notAllowed(from: mediation.mediationState, event: "seal")) }
        var agreement = try await domainAgreement(row, of: mediation, parties: try await parties(of: mediation.id!))
        do { try agreement.seal(at: now) } catch { throw Self.refusal(error) }
        let effective = agreement.isEffective
        return try await services.transaction(on: db) { tx in
            row.sealedAt = now
            try await row.update(on: tx)
            return try await step(mediation, .agreementTakesEffect, code: "seal", expectedVersion: expectedVersion, by: .account(account),
                                  note: "调解委员会盖章，第\(row.version)版协议生效", facts: .init(agreementEffective: effective), on: tx) {
                $0.agreementEffectiveOn = today.iso
                $0.agreementOral = false
                $0.agreedAt = now
            }
        }
    }
}

extension PhoneCodes.Purpose {
    static let agreementSigning = PhoneCodes.Purpose(rawValue: "mediationSigning")
}
