import Foundation

/// Colloquial words mapped to the legal terms the law and the answers use (issues #13, #25):
/// people write 老板 and 工资, the law says 用人单位 and 劳动报酬; each entry's alternatives count
/// as the same idea when a question is read (`PlainQuestion`). The live list is data editors
/// keep on the 口语词表 page, with its history; `seed` is what a new installation starts with.
public struct SynonymList: Sendable, Equatable {
    public var entries: [String: [String]]

    public init(_ entries: [String: [String]]) { self.entries = entries }

    /// How long a colloquial word and each legal term may be, and how many terms one word has.
    public static let wordLength = 1...12
    public static let termLength = 1...20
    public static let termCount = 1...8

    /// The terms as an editor types them: separated by 、，,；; or spaces, blanks and repeats dropped.
    public static func terms(_ typed: String) -> [String] {
        var seen = Set<String>()
        return typed.split(whereSeparator: { "、，,；; \t\n\r　".contains($0) }).map(String.init).filter { seen.insert($0).inserted }
    }

    /// The words a plain question is most likely to use, and what the law calls them: the list
    /// a new installation is seeded with, covering the matters a legal aid centre sees.
    public static let seed = SynonymList([
        "老板": ["用人单位", "雇主"],
        "公司": ["用人单位"],
        "单位": ["用人单位"],
        "工资": ["劳动报酬", "薪酬"],
        "欠薪": ["拖欠劳动报酬", "拖欠工资"],
        "讨薪": ["劳动报酬", "拖欠工资"],
        "工钱": ["劳动报酬", "工资"],
        "辞退": ["解除劳动合同"],
        "开除": ["解除劳动合同"],
        "炒鱿鱼": ["解除劳动合同"],
        "赔偿金": ["经济补偿", "赔偿"],
        "受伤": ["工伤", "人身损害"],
        "离婚": ["解除婚姻关系", "离婚"],
        "老公": ["配偶"],
        "老婆": ["配偶"],
        "孩子": ["子女"],
        "小孩": ["子女"],
        "抚养": ["抚养费"],
        "养老": ["赡养"],
        "爸妈": ["父母", "赡养"],
        "欠钱": ["借款", "债务"],
        "借钱": ["借款", "民间借贷"],
        "欠条": ["借条", "借款"],
        "撞了": ["交通事故"],
        "车祸": ["交通事故"],
        "被打": ["人身损害", "侵权"],
        "房东": ["出租人", "租赁"],
        "租房": ["房屋租赁", "租赁"],
        "拆迁": ["征收", "补偿"],
        "打官司": ["诉讼", "起诉"],
        "告他": ["起诉", "诉讼"],
        "请律师": ["法律援助", "委托代理人"],
        "免费律师": ["法律援助"],
        "没钱": ["经济困难", "法律援助"],
        "穷": ["经济困难"],
        "看守所": ["羁押", "刑事辩护"],
        "坐牢": ["刑事", "羁押"],
        "家暴": ["家庭暴力"],
        "打老婆": ["家庭暴力"],
        "农民工": ["农民工", "劳动报酬"],
        // Labour
        "签合同": ["订立书面劳动合同", "劳动合同"],
        "双倍工资": ["二倍的工资"],
        "辞职": ["解除劳动合同", "提前三十日"],
        "社保": ["社会保险"],
        "怀孕": ["孕期", "女职工"],
        "加班": ["延长工作时间", "加班费"],
        "身份证": ["居民身份证", "扣押"],
        "仲裁": ["劳动争议仲裁"],
        "派遣": ["劳务派遣", "被派遣劳动者"],
        "竞业": ["竞业限制"],
        // Family and the elderly
        "冷静期": ["撤回离婚登记申请", "三十日"],
        "民政局": ["婚姻登记机关"],
        "看孩子": ["探望子女", "探望"],
        "婚前": ["婚前财产", "个人财产"],
        "房子": ["房屋", "不动产"],
        "保护令": ["人身安全保护令"],
        "生活费": ["赡养费", "给付"],
        "老人": ["老年人", "父母"],
        // Inheritance
        "没有遗嘱": ["法定继承", "遗产"],
        "没留遗嘱": ["法定继承", "遗产"],
        "亲笔": ["自书遗嘱", "亲笔书写"],
        "打印": ["打印遗嘱"],
        // Harm to people
        "狗": ["饲养的动物", "动物饲养人"],
        "咬": ["动物", "损害"],
        "高空抛物": ["建筑物中抛掷物品", "抛掷"],
        "砸伤": ["损害"],
        "摔倒": ["安全保障义务", "公共场所"],
        "商场": ["经营场所", "公共场所"],
        "学校": ["教育机构"],
        "医疗事故": ["诊疗活动", "医疗机构"],
        "医院": ["医疗机构"],
        "打伤": ["人身损害", "医疗费"],
        // Traffic
        "醉驾": ["醉酒驾驶机动车"],
        "酒驾": ["饮酒后驾驶机动车", "醉酒"],
        "酒后开车": ["饮酒后驾驶机动车"],
        "喝酒开车": ["饮酒后驾驶机动车"],
        "借车": ["借用", "机动车所有人"],
        // Loans and deposits
        "不还": ["返还借款", "逾期"],
        "利息": ["利息", "借款"],
        "多久不要": ["诉讼时效"],
        "定金": ["定金", "双倍返还"],
        // Consumers
        "退货": ["七日内退货", "无需说明理由"],
        "假货": ["欺诈", "增加赔偿"],
        "过期食品": ["食品安全标准", "赔偿"],
        // Crime
        "偷": ["盗窃"],
        "判刑": ["有期徒刑", "拘役", "刑罚"],
        "被抓": ["犯罪嫌疑人", "辩护"],
        "抓了": ["犯罪嫌疑人", "辩护"],
        // Legal aid and mediation
        "不服": ["异议"],
        "不给法律援助": ["不予法律援助", "异议"],
        "司法确认": ["司法确认", "调解协议"],
        "调解": ["人民调解", "调解协议"],
        "收费": ["收取费用", "不收取"],
        // How people ask about amounts, time limits and steps
        "违法": ["违反", "违反本法规定"],
        "交钱": ["收费", "费用"],
        "多久": ["期限", "日内"],
        "批下来": ["作出决定", "审查"],
        "手续": ["登记", "申请"],
        "都同意": ["双方自愿", "自愿"],
        "起诉离婚": ["离婚诉讼"],
        "没写": ["没有约定", "约定不明确"],
        "没约定": ["没有约定"],
        "怎么分": ["分割", "份额"],
        "赔": ["赔偿", "赔偿责任"],
        "借给": ["借用", "出借"],
        "车主": ["机动车所有人"],
        "十倍": ["价款十倍"],
        "请不起律师": ["法律援助", "经济困难", "委托代理人"],
        "不用审查": ["不受经济困难条件的限制", "免予核查"],
        // Neighbours
        "邻居": ["相邻", "不动产权利人"],
        "噪音": ["噪声"],
        "通道": ["通行"],
    ])
}
