/**
 * Reference data for the demo, modelled on the five source documents: Jiaxing's 28 member mailboxes
 * (000), Cangnan's contact system (001), Sanmen's township liaison offices (002), Dazhou's office
 * register (003) and Beilun's deputy liaison stations (004).
 */

/** Jiaxing (000): five county liaison groups with two mailboxes each, eighteen city-area groups with one. */
export const JIAXING_COUNTY_GROUPS = [
  { county: '嘉善县', code: 'JS', communities: ['罗星街道东门社区', '魏塘街道花园路社区'] },
  { county: '平湖市', code: 'PH', communities: ['当湖街道东湖社区', '钟埭街道沈家弄社区'] },
  { county: '海盐县', code: 'HY', communities: ['武原街道新桥社区', '武原街道百尺社区'] },
  { county: '海宁市', code: 'HN', communities: ['海洲街道南苑社区', '硖石街道西山社区'] },
  { county: '桐乡市', code: 'TX', communities: ['梧桐街道庆丰社区', '凤鸣街道百桃社区'] },
];

export const JIAXING_CITY_GROUPS = [
  ['第一委员活动小组', '南湖区', '建设街道紫阳社区'],
  ['第二委员活动小组', '南湖区', '解放街道中和社区'],
  ['第三委员活动小组', '南湖区', '新嘉街道南溪社区'],
  ['第四委员活动小组', '南湖区', '城南街道长水社区'],
  ['第五委员活动小组', '南湖区', '南湖街道湘家荡社区'],
  ['第六委员活动小组', '南湖区', '东栅街道东栅社区'],
  ['第七委员活动小组', '南湖区', '长水街道槜李社区'],
  ['第八委员活动小组', '南湖区', '七星街道民主社区'],
  ['第九委员活动小组', '南湖区', '大桥镇亚厦社区'],
  ['第十委员活动小组', '秀洲区', '新城街道秀园社区'],
  ['第十一委员活动小组', '秀洲区', '嘉北街道塘汇社区'],
  ['第十二委员活动小组', '秀洲区', '高照街道百乐社区'],
  ['第十三委员活动小组', '秀洲区', '塘汇街道金都社区'],
  ['第十四委员活动小组', '秀洲区', '王江泾镇运河社区'],
  ['第十五委员活动小组', '秀洲区', '油车港镇马厍社区'],
  ['第十六委员活动小组', '秀洲区', '新塍镇新乐社区'],
  ['第十七委员活动小组', '秀洲区', '洪合镇洪福社区'],
  ['第十八委员活动小组', '经开区', '城南街道梅湾社区'],
] as const;

/** CPPCC sectors (界别). */
export const CPPCC_SECTORS = [
  '中国共产党',
  '民革',
  '民盟',
  '民建',
  '民进',
  '农工党',
  '致公党',
  '九三学社',
  '无党派人士',
  '共青团',
  '工会',
  '妇联',
  '工商联',
  '科技界',
  '经济界',
  '农业界',
  '教育界',
  '文化艺术界',
  '医药卫生界',
  '社会福利和社会保障界',
  '少数民族和宗教界',
  '特邀人士',
];

/** Cangnan's specialized committees and the sectors each follows (CT2). */
export const CANGNAN_COMMITTEES: Array<{ name: string; sectors: string[] }> = [
  { name: '提案委员会', sectors: ['中国共产党', '无党派人士', '特邀人士'] },
  { name: '经济委员会', sectors: ['经济界', '工商联', '民建'] },
  { name: '农业农村委员会', sectors: ['农业界', '农工党'] },
  { name: '教科卫体委员会', sectors: ['教育界', '科技界', '医药卫生界', '民进', '九三学社'] },
  { name: '文化文史和学习委员会', sectors: ['文化艺术界', '民盟', '民革'] },
  { name: '社会和法制委员会', sectors: ['共青团', '工会', '妇联', '社会福利和社会保障界', '少数民族和宗教界', '致公党'] },
];

/** Sanmen's township liaison offices (002). */
export const SANMEN_TOWNSHIPS = [
  ['海游街道', 'HAIYOU'],
  ['沙柳街道', 'SHALIU'],
  ['珠岙镇', 'ZHUAO'],
  ['亭旁镇', 'TINGPANG'],
  ['浦坝港镇', 'PUBAGANG'],
  ['健跳镇', 'JIANTIAO'],
  ['横渡镇', 'HENGDU'],
  ['花桥镇', 'HUAQIAO'],
] as const;

/** Beilun's streets, each with a working committee and deputy liaison stations (004). */
export const BEILUN_STREETS = [
  ['新碶街道', 'XINQI', ['明州社区', '星阳社区']],
  ['大碶街道', 'DAQI', ['九峰山社区', '横杨社区']],
  ['小港街道', 'XIAOGANG', ['渡头董社区', '红联社区']],
  ['霞浦街道', 'XIAPU', ['霞南社区']],
  ['柴桥街道', 'CHAIQIAO', ['紫石社区', '河头社区']],
  ['春晓街道', 'CHUNXIAO', ['昆亭社区']],
  ['梅山街道', 'MEISHAN', ['梅东社区']],
  ['白峰街道', 'BAIFENG', ['阳东社区']],
  ['戚家山街道', 'QIJIASHAN', ['蔚斗社区']],
  ['郭巨街道', 'GUOJU', ['郭巨社区']],
] as const;

/** Government departments letters are forwarded to (承办单位). */
export const DEPARTMENTS = [
  ['住房和城乡建设局', 'ZJ'],
  ['交通运输局', 'JT'],
  ['生态环境局', 'ST'],
  ['市场监督管理局', 'SJ'],
  ['教育局', 'JY'],
  ['卫生健康委员会', 'WJ'],
  ['民政局', 'MZ'],
  ['人力资源和社会保障局', 'RS'],
  ['公安局', 'GA'],
  ['综合行政执法局', 'ZF'],
  ['自然资源和规划局', 'ZR'],
  ['农业农村局', 'NY'],
  ['水利局', 'SL'],
  ['应急管理局', 'YJ'],
] as const;

/**
 * What constituents write about: a title, the text, the category and the departments concerned.
 * Phrased as letters to a member's mailbox or an office would be.
 */
export const ISSUE_TEMPLATES: Array<{ title: string; content: string; category: string; dept: string }> = [
  { title: '小区道路积水严重', content: '每逢下雨，{c}主干道积水深达二十公分，老人小孩出行十分不便，希望尽快改造排水管网。', category: 'REQUEST', dept: 'ZJ' },
  { title: '老旧小区加装电梯推进缓慢', content: '{c}多幢六层住宅居民多为老年人，加装电梯意愿强烈，但审批和资金分摊协调困难，请求帮助推进。', category: 'REQUEST', dept: 'ZJ' },
  { title: '公交线路调整后出行不便', content: '{c}附近公交线路调整后，最近站点步行需二十分钟，建议恢复原站点或增设社区微公交。', category: 'SUGGESTION', dept: 'JT' },
  { title: '夜间工地施工噪音扰民', content: '{c}旁工地经常夜间十一点后仍在施工，噪音严重影响居民休息，请求有关部门依法查处。', category: 'COMPLAINT', dept: 'ST' },
  { title: '农贸市场食品安全隐患', content: '{c}农贸市场部分摊位无证经营，熟食露天摆放，存在食品安全隐患，建议加强监管。', category: 'REPORT', dept: 'SJ' },
  { title: '学区划分不合理', content: '{c}今年学区调整后，孩子需跨区就读，路程远且交通不便，希望重新研究学区划分方案。', category: 'REQUEST', dept: 'JY' },
  { title: '社区卫生服务站缺少全科医生', content: '{c}卫生服务站只有一名医生，看病排队时间长，建议增加全科医生和延长服务时间。', category: 'SUGGESTION', dept: 'WJ' },
  { title: '居家养老服务中心设施不足', content: '{c}居家养老服务中心场地狭小，助餐服务供不应求，希望扩大服务规模。', category: 'SUGGESTION', dept: 'MZ' },
  { title: '企业拖欠农民工工资', content: '我们在{c}附近某工地务工，已被拖欠工资三个月，多次讨要无果，请求帮助维权。', category: 'REQUEST', dept: 'RS' },
  { title: '电动车充电难问题', content: '{c}电动自行车充电桩数量严重不足，居民私拉电线充电存在火灾隐患，建议增设集中充电设施。', category: 'SUGGESTION', dept: 'YJ' },
  { title: '占道经营影响通行', content: '{c}门口早晚占道经营现象严重，行人只能走机动车道，存在安全隐患，请求整治。', category: 'COMPLAINT', dept: 'ZF' },
  { title: '违章搭建影响采光', content: '{c}一楼住户违章搭建阳光房，影响楼上住户采光和消防通道，请求依法拆除。', category: 'COMPLAINT', dept: 'ZF' },
  { title: '河道水质变差有异味', content: '{c}旁河道近期水质明显变差，夏季有明显异味，怀疑有企业偷排，请求调查。', category: 'REPORT', dept: 'ST' },
  { title: '农田灌溉渠道年久失修', content: '{c}一带灌溉渠道多处坍塌，影响春耕用水，希望列入农田水利修缮计划。', category: 'REQUEST', dept: 'SL' },
  { title: '土地征收补偿标准咨询', content: '{c}部分土地列入征收范围，村民对补偿标准和安置方式不清楚，希望有关部门公开政策并解答。', category: 'CONSULTATION', dept: 'ZR' },
  { title: '停车位严重不足', content: '{c}建成年代早，停车位不足三成，车辆乱停乱放堵塞消防通道，建议挖潜增设停车位。', category: 'SUGGESTION', dept: 'ZJ' },
  { title: '路灯损坏长期未修', content: '{c}通往菜场的小路路灯坏了两个多月，晚上漆黑一片，居民出行担心安全。', category: 'REQUEST', dept: 'ZF' },
  { title: '医保异地结算咨询', content: '父母随我在{c}居住，户籍在外省，想了解医保异地就医直接结算的办理流程。', category: 'CONSULTATION', dept: 'RS' },
  { title: '农产品销售渠道不畅', content: '{c}今年杨梅丰收但销路不畅，价格下跌，希望政府帮助拓展电商等销售渠道。', category: 'SUGGESTION', dept: 'NY' },
  { title: '校门口交通拥堵', content: '{c}附近小学上下学时段校门口拥堵严重，建议设置临时停车区并安排交警疏导。', category: 'SUGGESTION', dept: 'GA' },
  { title: '垃圾分类收运不及时', content: '{c}分类垃圾桶满溢后两三天才清运，夏天气味难闻，希望增加清运频次。', category: 'COMPLAINT', dept: 'ZF' },
  { title: '物业服务质量差', content: '{c}物业公司收费后服务不到位，绿化无人养护，电梯经常故障，请求协调监督。', category: 'COMPLAINT', dept: 'ZJ' },
  { title: '对委员信箱工作的建议', content: '建议委员信箱定期公布来信办理情况，让居民知道反映的问题有没有着落。', category: 'SUGGESTION', dept: 'MZ' },
  { title: '低保申请审核时间长', content: '家住{c}，家庭困难申请低保两个月仍未有结果，请求了解审核进度。', category: 'REQUEST', dept: 'MZ' },
];
