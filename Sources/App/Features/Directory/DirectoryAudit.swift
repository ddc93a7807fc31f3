/// The directory's audit entries in Chinese (`/audit`).
extension DirectoryFeature {
    var auditVocabulary: AuditVocabulary {
        AuditVocabulary(
            families: [("directory.", "机构名录")],
            events: [
                "directory.institutionSaved": "名录：保存机构",
                "directory.personSaved": "名录：保存人员",
                "directory.personDeleted": "名录：删除人员",
                "directory.imported": "名录：导入",
            ],
            targets: [("organisation:", "机构"), ("directory-person:", "名录人员")])
    }
}
