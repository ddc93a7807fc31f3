/// The knowledge base's audit entries in Chinese (`/audit`).
extension KnowledgeFeature {
    var auditVocabulary: AuditVocabulary {
        AuditVocabulary(
            families: [("knowledge.", "法律知识库")],
            events: [
                "knowledge.created": "知识库：新建",
                "knowledge.edited": "知识库：修改",
                "knowledge.published": "知识库：发布",
                "knowledge.unpublished": "知识库：撤回发布",
                "knowledge.questionHandled": "知识库：处理未答问题",
                "knowledge.synonymAdded": "口语词表：新增",
                "knowledge.synonymChanged": "口语词表：修改",
                "knowledge.synonymRemoved": "口语词表：删除",
            ],
            targets: [("knowledge-synonym:", "口语词"), ("knowledge-question:", "未答问题"), ("knowledge:", "知识条目")])
    }
}
