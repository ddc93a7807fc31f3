/// The consultation desk's audit entries in Chinese (`/audit`).
extension ConsultationFeature {
    var auditVocabulary: AuditVocabulary {
        AuditVocabulary(
            families: [("consultation.", "法律咨询")],
            events: [
                "consultation.view": "查看咨询",
                "consultation.file": "查看咨询中的文件",
                "consultation.take": "咨询：接入",
                "consultation.handOver": "咨询：转交同事",
                "consultation.escalate": "咨询：转为回电",
                "consultation.callbackAttempt": "咨询：回电",
                "consultation.reply": "咨询：答复留言",
                "consultation.close": "咨询：结束",
                "consultation.withdraw": "咨询：撤回",
                "consultation.message": "咨询：发送消息",
                "consultation.logCall": "登记来电或来访",
            ],
            targets: [("consultation:", "咨询")])
    }
}
