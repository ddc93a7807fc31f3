import LegalAidCore

/// Legal aid's audit entries in Chinese (`/audit`): every application and case step by the
/// workflow's own name, and the side exits (objections, detained persons, lawyers' profiles).
extension LegalAidFeature {
    var auditVocabulary: AuditVocabulary {
        var events: [String: String] = [
            "application.create": "创建申请",
            "case.progress": "记录办理进展",
            "case.addMembers": "增加共同受援人",
            "case.mediationConsent": "记录先行调解意愿",
            "case.notification": "登记通知辩护",
            "case.urgentAid": "先行提供法律援助",
            "case.requestLawyerChange": "申请更换律师",
            "case.refuseLawyerChange": "不同意更换律师",
            "objection.file": "提出异议",
            "objection.decide": "异议审查决定",
            "detained.record": "登记羁押人员申请",
            "detained.forward": "转交羁押人员申请",
            "lawyer.profile": "修改律师执业信息",
        ]
        for kind in ApplicationEventKind.allCases where events["application." + kind.rawValue] == nil {
            events["application." + kind.rawValue] = "申请：" + kind.chinese
        }
        for kind in CaseEventKind.allCases where events["case." + kind.rawValue] == nil {
            events["case." + kind.rawValue] = "案件：" + kind.chinese
        }
        return AuditVocabulary(
            families: [("application.", "申请办理"), ("case.", "案件办理"), ("objection.", "异议"), ("detained.", "羁押人员申请"), ("lawyer.", "律师执业信息")],
            events: events,
            targets: [("application:", "申请"), ("case:", "案件"), ("detained:", "羁押人员申请")])
    }
}
