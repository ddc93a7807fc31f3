/// People's mediation's audit entries and record steps in Chinese.
enum MediationAudit {
    static let steps: [String: String] = [
        "start": "登记调解",
        "opened": "对方打开了答复链接",
        "accept": "同意调解",
        "refuse": "不同意调解",
        "lapse": "对方逾期未答复",
        "delivered": "当面送达",
        "invite": "重新发送邀请",
        "notice": "打印邀请通知书",
        "assign": "指定调解员",
        "recuse": "调解员回避",
        "rights": "告知权利义务",
        "session": "调解",
        "extend": "延长调解期限",
        "agreementDrafted": "起草调解协议",
        "oralAgreement": "达成口头协议",
        "sign": "签名",
        "seal": "盖章，协议生效",
        "court": "司法确认",
        "reminder": "司法确认提醒",
        "visit": "回访结案",
        "fail": "调解不成",
        "withdraw": "撤回或终止",
        "flag": "报告矛盾激化风险",
        "flagClosed": "风险预警处置完毕",
        "application": "转为法律援助申请",
    ]

    static func stepName(_ code: String) -> String { steps[code] ?? code }
}

extension MediationFeature {
    var auditVocabulary: AuditVocabulary {
        var events = Dictionary(uniqueKeysWithValues: MediationAudit.steps.map { ("mediation.\($0.key)", "调解：\($0.value)") })
        events["mediation.view"] = "查看调解"
        events["mediation.print"] = "打印调解协议书"
        return AuditVocabulary(families: [("mediation.", "人民调解")], events: events, targets: [("mediation:", "调解"), ("mediation-party:", "调解当事人")])
    }

    /// Facts, claims, every reason and note, the parties' numbers and addresses, the sessions'
    /// records and the agreements' text are sealed: a dispute is case facts.
    var personalData: PersonalData {
        PersonalData(reseal: [
            PersonalData.reseal(MediationModel.self) {
                $0.facts = $0.facts; $0.claims = $0.claims; $0.endedReason = $0.endedReason; $0.returnVisit = $0.returnVisit
                $0.courtAnswer = $0.courtAnswer; $0.extensionReason = $0.extensionReason; $0.escalationFollowUp = $0.escalationFollowUp
            },
            PersonalData.reseal(MediationStepModel.self) { $0.note = $0.note },
            PersonalData.reseal(MediationPartyModel.self) { $0.phone = $0.phone; $0.address = $0.address },
            PersonalData.reseal(MediationSessionModel.self) { $0.record = $0.record },
            PersonalData.reseal(MediationAgreementModel.self) { $0.facts = $0.facts; $0.terms = $0.terms },
        ])
    }
}
