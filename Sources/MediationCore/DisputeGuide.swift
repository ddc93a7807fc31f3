import Foundation

/// The first stop for a person with a dispute (issue #26 item 1): what kind it is, what they can
/// do themselves, and the ways to help — mediation first, then legal aid or a person. No account,
/// a few choices; what the law says comes from the knowledge base, asked `lawQuestion`.
public struct DisputeGuide: Sendable, Equatable {
    public var type: DisputeType
    /// Examples in the words people use, to recognise one's own case.
    public var examples: [String]
    /// What 智能咨询 is asked for the law on this kind of dispute (with the person's own words added).
    public var lawQuestion: String
    /// What a person can do before anyone else is involved, in order.
    public var selfHelp: [String]
    /// A letter to send the other side, with blanks in 【】; nil where a letter does not help.
    public var letter: String?

    public static func guide(_ type: DisputeType) -> DisputeGuide {
        switch type {
        case .neighbour:
            DisputeGuide(type: type, examples: ["楼上漏水泡坏了我家天花板", "邻居占用公共通道堆放杂物", "装修噪音、排水、采光影响生活"],
                         lawQuestion: "邻居 相邻关系 通行 排水 噪声",
                         selfHelp: ["先心平气和地和对方当面说清楚，讲明对自己的影响", "拍照、录像，保留受损情况和维修费用票据",
                                    "请物业或村（居）委会出面协调"],
                         letter: """
                         【对方姓名】：
                         您家【具体情况，如：卫生间漏水】自【日期】起造成我家【损失情况】。请您于【日期】前【维修/停止/恢复原状】，并承担维修费用【金额】元。如有异议，请与我联系：【电话】。
                         【您的姓名】　【日期】
                         """)
        case .family:
            DisputeGuide(type: type, examples: ["子女不给老人生活费", "离婚时孩子和房子怎么分", "家人之间因赡养、抚养闹矛盾"],
                         lawQuestion: "赡养 抚养 离婚 家庭暴力 共同财产",
                         selfHelp: ["家人之间先坐下来商量，可以请亲友、长辈在场", "遇到家庭暴力，先保证安全，可以拨打110，并保留伤情照片和就医记录",
                                    "整理收入、房产、存款等材料"],
                         letter: nil)
        case .labour:
            DisputeGuide(type: type, examples: ["老板拖欠工资不给", "公司不签劳动合同", "被辞退没有补偿", "工作时受伤公司不管"],
                         lawQuestion: "拖欠劳动报酬 解除劳动合同 经济补偿 工伤",
                         selfHelp: ["保留工资条、考勤记录、工作证、聊天记录、转账记录等能证明劳动关系和欠薪的材料",
                                    "先向单位书面要求支付，写明金额和期限", "可以向劳动保障监察机构投诉，或申请劳动争议仲裁（一般一年内）"],
                         letter: """
                         【单位名称】：
                         本人【姓名】自【日期】起在贵单位从事【岗位】工作，贵单位尚欠本人【月份】工资共计【金额】元。请于【日期】前足额支付。逾期未付，本人将依法申请调解、投诉或劳动争议仲裁。
                         【您的姓名】　【联系电话】　【日期】
                         """)
        case .property:
            DisputeGuide(type: type, examples: ["物业不维修还催交物业费", "房东不退押金", "买的房子迟迟不交房"],
                         lawQuestion: "物业服务 租赁 押金 交付 房屋",
                         selfHelp: ["找出合同、收据、缴费记录", "拍照记录房屋问题，书面向物业或房东提出", "可以请业主委员会或社区居委会协调"],
                         letter: """
                         【对方姓名或公司名称】：
                         根据双方【合同名称】，您应当【退还押金/维修/交房】。截至【日期】尚未履行。请于【日期】前履行，否则本人将申请调解或依法处理。
                         【您的姓名】　【联系电话】　【日期】
                         """)
        case .traffic:
            DisputeGuide(type: type, examples: ["被电动车撞伤了医药费谁出", "对方撞了人不赔钱", "保险公司不赔"],
                         lawQuestion: "交通事故 损害赔偿 机动车交通事故责任强制保险 医疗费",
                         selfHelp: ["保留事故认定书、病历、医药费票据、误工证明", "先找对方和保险公司协商赔偿", "伤情需要时可以申请伤残鉴定"],
                         letter: nil)
        case .medical:
            DisputeGuide(type: type, examples: ["手术后出了问题医院不认账", "看病被误诊耽误了治疗"],
                         lawQuestion: "医疗机构 诊疗活动 损害 赔偿 病历",
                         selfHelp: ["及时复印、封存病历资料（患者有权复制病历）", "先向医院的医患关系办公室书面反映", "不要在医院内过激行为"],
                         letter: nil)
        case .consumer:
            DisputeGuide(type: type, examples: ["网购的东西有质量问题不给退", "买到假货", "办了卡商家跑路"],
                         lawQuestion: "消费者 经营者 退货 欺诈 赔偿",
                         selfHelp: ["保留购物凭证、聊天记录、商品照片", "先找商家协商退换", "可以拨打12315投诉，或请消费者协会调解"],
                         letter: nil)
        case .land:
            DisputeGuide(type: type, examples: ["宅基地边界和邻居有争议", "承包地被别人占了", "征地补偿没拿到"],
                         lawQuestion: "土地承包经营权 宅基地 征收 补偿",
                         selfHelp: ["找出土地承包合同、经营权证、宅基地使用证", "请村民委员会出面核实边界", "征地补偿问题可以向乡镇政府了解补偿方案"],
                         letter: nil)
        case .debt:
            DisputeGuide(type: type, examples: ["借钱给朋友不还", "欠条过期了还能要吗", "担保人要不要还钱"],
                         lawQuestion: "借款 返还借款 利息 诉讼时效 保证",
                         selfHelp: ["保留借条、转账记录、聊天记录", "书面催讨，并保留催讨的记录（可以中断诉讼时效）", "注意诉讼时效，一般为三年"],
                         letter: """
                         【借款人姓名】：
                         您于【日期】向我借款【金额】元，约定于【日期】归还，至今未还。请于【日期】前归还借款【金额】元（及利息【金额】元）。逾期未还，我将申请调解或向人民法院起诉。
                         【出借人姓名】　【联系电话】　【日期】
                         """)
        case .other:
            DisputeGuide(type: type, examples: ["不知道属于哪一类的矛盾纠纷"],
                         lawQuestion: "纠纷 调解 人民调解",
                         selfHelp: ["把事情经过按时间顺序写下来", "整理能证明事情经过的材料", "先和对方沟通，说明自己的要求"],
                         letter: nil)
        }
    }
}
