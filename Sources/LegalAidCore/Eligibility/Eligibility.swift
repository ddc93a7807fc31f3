import Foundation

/// The rule that settled an eligibility question, so staff and applicant can see why.
public struct EligibilityFinding: Hashable, Codable, Sendable {
    public enum Outcome: String, Codable, Sendable {
        case eligible
        case ineligible
        /// The rules cannot settle it (e.g. income not given): a reviewer decides.
        case needsReview

        public var chinese: String {
            switch self {
            case .eligible: "符合法律援助条件"
            case .ineligible: "不符合法律援助条件"
            case .needsReview: "需人工审查"
            }
        }
    }

    public var outcome: Outcome
    /// Stable code of the deciding rule, e.g. `art42.migrantWorker`.
    public var rule: String
    public var article: String
    public var explanation: String
    /// Categories that put the matter at the front of the queue (seed 002).
    public var priorities: [PriorityCategory]
    /// Migrant workers' wage and injury claims go through the green channel: 即申即批.
    public var greenChannel: Bool

    public init(outcome: Outcome, rule: String, article: String, explanation: String, priorities: [PriorityCategory] = [], greenChannel: Bool = false) {
        self.outcome = outcome
        self.rule = rule
        self.article = article
        self.explanation = explanation
        self.priorities = priorities
        self.greenChannel = greenChannel
    }
}

/// Whether an application qualifies for legal aid (法律援助法 第31–34条、第42条).
public enum Eligibility {
    public static func assess(_ form: ApplicationForm, region: String, on day: LocalDate, thresholds: IncomeThresholdTable) -> EligibilityFinding {
        var finding = decide(form, region: region, on: day, thresholds: thresholds)
        finding.priorities = form.priorities
        // The applicant says they suffer domestic violence, abuse or abandonment but did not
        // choose 第32条: the reviewer is shown the ground at once. Where the means test would
        // not grant aid, the rules do not refuse: a reviewer decides whether the matter is the
        // victim claiming related rights (第32条第(四)项), which needs no means test.
        if form.meansFreeGround == nil, let said = form.victimOf {
            let note = "申请人称遭受\(said)，可能属于法律援助法第32条“\(MeansFreeGround.abuseAbandonmentDomesticViolence.chinese)”的情形，不受经济困难条件限制，请核实"
            if finding.outcome == .eligible {
                finding.explanation += "；另：" + note
            } else {
                finding = EligibilityFinding(outcome: .needsReview, rule: "art32.possible", article: "法律援助法第32条",
                                             explanation: note + "（按经济困难审查：" + finding.explanation + "）",
                                             priorities: form.priorities, greenChannel: finding.greenChannel)
            }
        }
        return finding
    }

    private static func decide(_ form: ApplicationForm, region: String, on day: LocalDate, thresholds: IncomeThresholdTable) -> EligibilityFinding {
        guard let matter = form.matter.type else {
            return EligibilityFinding(outcome: .needsReview, rule: "matter.missing", article: "法律援助法第31条", explanation: "尚未选择案件类型，无法判断是否属于法律援助事项")
        }
        // 第32条: no means test at all, and no dependence on 第31条's list of matters.
        if let ground = form.meansFreeGround {
            return EligibilityFinding(outcome: .eligible, rule: "art32.\(ground.rawValue)", article: "法律援助法第32条",
                                      explanation: "属于“\(ground.chinese)”，不受经济困难条件限制")
        }

        guard let matterArticle = matter.article else {
            // 第31条(九): other matters only where a law, regulation or rule provides for them.
            return EligibilityFinding(outcome: .needsReview, rule: "art31.other", article: "法律援助法第31条第（九）项",
                                      explanation: "“\(matter.chinese)”不在法定援助事项清单内，需审查是否属于法律、法规、规章规定的其他情形")
        }

        // 第42条: proof of one of these exempts the applicant from the hardship check.
        let usable = form.exemptions.filter { exemption in
            // The migrant-worker exemption covers wage and work-injury claims only.
            exemption != .migrantWorkerWagesOrInjury || matter == .labourWages || matter == .workInjury
        }
        if let exemption = usable.first {
            let green = exemption == .migrantWorkerWagesOrInjury
            return EligibilityFinding(outcome: .eligible, rule: "art42.\(exemption.rawValue)", article: exemption == .legalAidCard ? "法律援助卡（见各地实施办法）" : "法律援助法第42条",
                                      explanation: "\(matter.chinese)属于\(matterArticle)规定的事项；申请人为“\(exemption.chinese)”，免予核查经济困难状况" + (green ? "，适用绿色通道即申即批" : ""),
                                      greenChannel: green)
        }

        // 第34条: per-capita household income against the province's standard.
        guard let threshold = thresholds.threshold(region: region, on: day) else {
            return EligibilityFinding(outcome: .needsReview, rule: "art34.noStandard", article: "法律援助法第34条", explanation: "本地区尚未配置经济困难标准，请审查员人工判断")
        }
        guard let members = form.household.members, members > 0, let income = form.household.monthlyIncomeYuan else {
            return EligibilityFinding(outcome: .needsReview, rule: "art34.incomeMissing", article: "法律援助法第34条", explanation: "未填写家庭人口或收入，无法核查经济困难状况")
        }
        let perCapita = Double(income) / Double(members)
        let figures = "家庭月人均收入\(String(format: "%.0f", perCapita))元，本地经济困难标准为\(threshold.monthlyPerCapitaYuan)元（\(threshold.source)）"
        if perCapita <= Double(threshold.monthlyPerCapitaYuan) {
            return EligibilityFinding(outcome: .eligible, rule: "art34.belowThreshold", article: "法律援助法第34条",
                                      explanation: "\(matter.chinese)属于\(matterArticle)规定的事项；\(figures)，符合经济困难条件")
        }
        return EligibilityFinding(outcome: .ineligible, rule: "art34.aboveThreshold", article: "法律援助法第34条",
                                  explanation: "\(figures)，高于标准，不符合经济困难条件")
    }
}
