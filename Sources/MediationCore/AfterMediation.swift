import Foundation

/// What a party can still do when mediation did not settle the dispute (第26条: 告知当事人可以
/// 依法通过仲裁、行政、司法等途径维护自己的权利), by kind of dispute.
public enum RoutesStillOpen {
    public struct Route: Hashable, Sendable {
        public var title: String
        public var detail: String
    }

    public static func routes(for type: DisputeType) -> [Route] {
        var routes: [Route] = []
        switch type {
        case .labour:
            routes.append(Route(title: "申请劳动争议仲裁", detail: "向劳动争议仲裁委员会申请仲裁，仲裁时效一般为一年（劳动争议调解仲裁法第二十七条）；对仲裁裁决不服的，可以向人民法院起诉。"))
        case .traffic:
            routes.append(Route(title: "请公安机关交通管理部门调解", detail: "当事人可以就损害赔偿共同请求公安机关交通管理部门调解（道路交通安全法第七十四条）。"))
        case .land:
            routes.append(Route(title: "申请农村土地承包仲裁", detail: "土地承包经营纠纷可以向农村土地承包仲裁委员会申请仲裁（农村土地承包法第五十五条）。"))
        case .consumer:
            routes.append(Route(title: "向消费者协会投诉或向市场监管部门举报", detail: "消费者可以请求消费者协会调解，或向有关行政部门投诉（消费者权益保护法第三十九条）。"))
        case .medical:
            routes.append(Route(title: "申请医疗损害鉴定或卫生健康部门调解", detail: "可以向卫生健康主管部门申请医疗纠纷行政调解（医疗纠纷预防和处理条例）。"))
        case .neighbour, .family, .property, .debt, .other:
            break
        }
        routes.append(Route(title: "向人民法院起诉", detail: "可以向人民法院提起诉讼；注意诉讼时效，一般为三年（民法典第一百八十八条）。"))
        routes.append(Route(title: "申请法律援助", detail: "经济困难的，可以申请法律援助，由律师免费代理（法律援助法第三十一条）。平台可用调解中已填的信息预先填好申请。"))
        return routes
    }
}

/// A dispute at risk of escalating (矛盾纠纷激化), flagged by a mediator: the street and the
/// bureau see it at once; it is followed up until closed (第25条: 及时采取有针对性的预防措施).
public enum EscalationRisk: String, Codable, CaseIterable, Sendable {
    case threats, manyPeople, repeatedVisits, violence, selfHarm

    public var chinese: String {
        switch self {
        case .threats: "扬言报复或威胁"
        case .manyPeople: "涉及人数多，可能引发群体性事件"
        case .repeatedVisits: "多次信访或反复上门"
        case .violence: "有暴力倾向或已发生肢体冲突"
        case .selfHarm: "扬言自伤自残"
        }
    }
}

/// Before the first session the parties are told their rights and duties (人民调解法 第23–24条;
/// 人民调解工作若干规定) and acknowledge it: on screen, or signed on paper and scanned.
public enum RightsNotice {
    public static let rights = [
        "选择或者接受人民调解员",
        "接受调解、拒绝调解或者要求终止调解",
        "要求调解公开进行或者不公开进行",
        "自主表达意愿、自愿达成调解协议",
    ]
    public static let duties = [
        "如实陈述纠纷事实",
        "遵守调解现场秩序，尊重人民调解员",
        "尊重对方当事人行使权利",
    ]

    /// The parties who have not acknowledged yet; a session may be held when there are none.
    public static func missing(parties: [Signatory], acknowledged: Set<UUID>) -> [Signatory] {
        parties.filter { $0.role == .party && !acknowledged.contains($0.id) }
    }

    public static func checkBeforeSession(parties: [Signatory], acknowledged: Set<UUID>) throws(MediationError) {
        let missing = missing(parties: parties, acknowledged: acknowledged)
        guard missing.isEmpty else { throw .rightsNotAcknowledged(parties: missing.map(\.name)) }
    }
}
