import LegalAidCore
import Vapor

/// 律师执业信息: the district's lawyers as the assignment picker sees them (第26条 years).
struct LawyersPage: PageView {
    var lawyers: [LawyerCandidate]
    /// Each lawyer's firm, by the firm's id.
    var firmNames: [UUID: String]

    var title: String { "律师执业信息" }

    func body(in context: PageContext) -> HTML {
        let rows: [HTML] = lawyers.map { lawyer in
            """
            <tr><td><a href="\(SiteURL.lawyer(lawyer.id))">\(lawyer.name)</a></td><td>\(lawyer.firmID.flatMap { firmNames[$0] } ?? "")</td>
            <td>\(lawyer.practiceYears)年</td><td>\(lawyer.criminalPracticeYears)年</td>
            <td>\(lawyer.specialities.isEmpty ? "—" : lawyer.specialities.map(\.chinese).sorted().joined(separator: "、"))</td>
            <td>\(lawyer.openCases)件</td><td>\(lawyer.available ? "接案" : "暂停接案")</td></tr>
            """
        }
        return """
        <p>指派时按在办案件数轮流建议，并核对执业年限（可能判处无期徒刑、死刑的案件须刑事辩护执业三年以上，法律援助法第26条）。</p>
        <div class="table-wrap"><table><thead><tr><th scope="col">律师</th><th scope="col">律师事务所</th><th scope="col">执业年限</th><th scope="col">刑事辩护</th><th scope="col">擅长</th><th scope="col">在办</th><th scope="col">状态</th></tr></thead>
        <tbody>\(rows)</tbody></table></div>
        """
    }
}

/// One lawyer's practice record, as the centre edits it.
struct LawyerProfilePage: PageView {
    var lawyerID: UUID
    var lawyerName: String
    var values: [String: String]
    var specialities: Set<MatterType>
    var errors: FormErrors

    var title: String { "律师执业信息：\(lawyerName)" }

    func body(in context: PageContext) -> HTML {
        """
        \(errors.summary())
        <form method="post" action="\(SiteURL.lawyer(lawyerID))" class="panel" novalidate>
          \(Fields.csrf(context.csrfToken))
          \(Fields.text("practiceYears", "执业年限（年）", value: values["practiceYears"] ?? "", errors: errors, inputmode: "numeric"))
          \(Fields.text("criminalYears", "其中刑事辩护执业年限（年）", value: values["criminalYears"] ?? "", errors: errors, inputmode: "numeric"))
          \(Fields.checkboxes("specialities[]", "擅长的案件类型", options: MatterType.allCases.map { (value: $0.rawValue, label: $0.chinese) }, checked: Set(specialities.map(\.rawValue)), errors: errors))
          \(Fields.checkbox("available", "目前接受指派", checked: values["available"] == "true", errors: errors))
          <div class="actions"><button type="submit">保存</button> <a href="\(SiteURL.lawyers)">返回</a></div>
        </form>
        """
    }
}
