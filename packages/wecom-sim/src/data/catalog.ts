// Names for generated companies, departments, positions and tags. Each top-level division has its
// own sub-department names and positions so the tree reads like a real company.

export interface CompanyName {
  name: string;
  nameEn: string;
  domain: string;
}

export const COMPANIES: readonly CompanyName[] = [
  { name: '星河科技有限公司', nameEn: 'Xinghe Technology', domain: 'xinghe-tech.com' },
  { name: '远航智能科技有限公司', nameEn: 'Yuanhang Intelligence', domain: 'yuanhang-ai.com' },
  { name: '青松信息技术有限公司', nameEn: 'Qingsong IT', domain: 'qingsong-it.com' },
  { name: '华章数字科技有限公司', nameEn: 'Huazhang Digital', domain: 'huazhang-digital.com' },
  { name: '云帆网络科技有限公司', nameEn: 'Yunfan Networks', domain: 'yunfan-net.com' },
  { name: '北辰软件股份有限公司', nameEn: 'Beichen Software', domain: 'beichen-soft.com' },
  { name: '鼎盛实业集团有限公司', nameEn: 'Dingsheng Group', domain: 'dingsheng-group.com' },
  { name: '瑞丰医药科技有限公司', nameEn: 'Ruifeng Pharma', domain: 'ruifeng-pharma.com' },
];

export interface Division {
  name: string;
  nameEn: string;
  children: readonly (readonly [string, string])[];
  /** how third-level units are named under this division */
  units: 'teams' | 'regions' | 'functions';
  positions: readonly string[];
}

// prettier-ignore
export const DIVISIONS: readonly Division[] = [
  {
    name: '研发中心', nameEn: 'R&D Center', units: 'teams',
    children: [['前端开发部', 'Frontend'], ['后端开发部', 'Backend'], ['移动开发部', 'Mobile'], ['测试部', 'QA'],
      ['架构部', 'Architecture'], ['运维部', 'Operations'], ['算法部', 'Algorithms'], ['安全部', 'Security'],
      ['平台部', 'Platform'], ['基础设施部', 'Infrastructure']],
    positions: ['软件工程师', '高级工程师', '资深工程师', '测试工程师', '运维工程师', '架构师', '算法工程师', '技术经理', '研发总监'],
  },
  {
    name: '产品中心', nameEn: 'Product Center', units: 'teams',
    children: [['产品规划部', 'Product Planning'], ['用户体验部', 'User Experience'], ['交互设计部', 'Interaction Design'],
      ['产品运营部', 'Product Operations'], ['需求分析部', 'Requirements']],
    positions: ['产品经理', '高级产品经理', '产品助理', 'UI设计师', '交互设计师', '用户研究员', '产品总监'],
  },
  {
    name: '销售中心', nameEn: 'Sales Center', units: 'regions',
    children: [['华东大区', 'East China'], ['华南大区', 'South China'], ['华北大区', 'North China'], ['西南大区', 'Southwest'],
      ['华中大区', 'Central China'], ['西北大区', 'Northwest'], ['东北大区', 'Northeast'], ['大客户部', 'Key Accounts'],
      ['渠道合作部', 'Channels']],
    positions: ['销售代表', '客户经理', '高级客户经理', '销售经理', '区域经理', '渠道经理', '销售总监'],
  },
  {
    name: '市场中心', nameEn: 'Marketing Center', units: 'functions',
    children: [['品牌部', 'Brand'], ['市场推广部', 'Promotion'], ['公共关系部', 'Public Relations'], ['内容营销部', 'Content'],
      ['活动策划部', 'Events'], ['市场研究部', 'Market Research']],
    positions: ['市场专员', '品牌经理', '内容编辑', '活动策划', '市场经理', '新媒体运营', '市场总监'],
  },
  {
    name: '客户成功中心', nameEn: 'Customer Success', units: 'regions',
    children: [['客户服务部', 'Customer Service'], ['实施交付部', 'Delivery'], ['技术支持部', 'Tech Support'],
      ['客户培训部', 'Customer Training']],
    positions: ['客服专员', '客户成功经理', '实施顾问', '技术支持工程师', '培训讲师', '服务经理'],
  },
  {
    name: '运营中心', nameEn: 'Operations Center', units: 'functions',
    children: [['用户运营部', 'User Ops'], ['数据运营部', 'Data Ops'], ['商家运营部', 'Merchant Ops'], ['增长部', 'Growth']],
    positions: ['运营专员', '高级运营', '数据分析师', '运营经理', '增长经理', '运营总监'],
  },
  {
    name: '人力资源中心', nameEn: 'Human Resources', units: 'functions',
    children: [['招聘部', 'Recruiting'], ['培训发展部', 'Learning & Development'], ['薪酬绩效部', 'Compensation'],
      ['员工关系部', 'Employee Relations'], ['组织发展部', 'Organisation Development']],
    positions: ['人事专员', 'HRBP', '招聘专员', '培训经理', '薪酬专员', '人力资源经理', '人力资源总监'],
  },
  {
    name: '财务中心', nameEn: 'Finance Center', units: 'functions',
    children: [['会计部', 'Accounting'], ['资金部', 'Treasury'], ['税务部', 'Tax'], ['审计部', 'Audit'], ['预算管理部', 'Budgeting']],
    positions: ['会计', '出纳', '财务专员', '税务专员', '审计师', '财务经理', '财务总监'],
  },
  {
    name: '法务合规部', nameEn: 'Legal & Compliance', units: 'functions',
    children: [['合同管理部', 'Contracts'], ['知识产权部', 'IP'], ['合规部', 'Compliance']],
    positions: ['法务专员', '律师', '合规专员', '法务经理'],
  },
  {
    name: '行政部', nameEn: 'Administration', units: 'regions',
    children: [['综合管理部', 'General Affairs'], ['采购部', 'Procurement'], ['后勤保障部', 'Facilities']],
    positions: ['行政专员', '前台', '采购专员', '行政经理'],
  },
  {
    name: '供应链中心', nameEn: 'Supply Chain', units: 'regions',
    children: [['计划部', 'Planning'], ['仓储物流部', 'Logistics'], ['质量管理部', 'Quality'], ['生产部', 'Production']],
    positions: ['计划专员', '物流专员', '质检员', '生产主管', '供应链经理'],
  },
  {
    name: '数据中心', nameEn: 'Data Center', units: 'teams',
    children: [['数据平台部', 'Data Platform'], ['数据治理部', 'Data Governance'], ['商业智能部', 'Business Intelligence']],
    positions: ['数据工程师', '数据分析师', 'BI工程师', '数据架构师', '数据经理'],
  },
  {
    name: '信息技术部', nameEn: 'IT', units: 'teams',
    children: [['桌面支持部', 'Desktop Support'], ['网络部', 'Network'], ['信息系统部', 'Information Systems']],
    positions: ['IT工程师', '网络工程师', '系统管理员', 'IT经理'],
  },
  {
    name: '战略发展部', nameEn: 'Strategy', units: 'functions',
    children: [['战略规划部', 'Strategic Planning'], ['投资部', 'Investment'], ['总裁办', "CEO's Office"]],
    positions: ['战略分析师', '投资经理', '总裁助理', '战略总监'],
  },
  {
    name: '企业大学', nameEn: 'Corporate University', units: 'functions',
    children: [['课程研发部', 'Curriculum'], ['讲师管理部', 'Instructors'], ['学习运营部', 'Learning Ops']],
    positions: ['课程设计师', '内训师', '学习运营专员', '培训总监'],
  },
];

// prettier-ignore
export const TEAMS: readonly (readonly [string, string])[] = [
  ['基础组', 'Core Team'], ['业务组', 'Business Team'], ['工具组', 'Tools Team'], ['效能组', 'Productivity Team'],
  ['平台组', 'Platform Team'], ['数据组', 'Data Team'], ['增长组', 'Growth Team'], ['质量组', 'Quality Team'],
  ['交付组', 'Delivery Team'], ['创新组', 'Innovation Team'], ['中台组', 'Middle Platform Team'], ['体验组', 'Experience Team'],
];

// prettier-ignore
export const REGIONS: readonly (readonly [string, string])[] = [
  ['上海分部', 'Shanghai'], ['北京分部', 'Beijing'], ['广州分部', 'Guangzhou'], ['深圳分部', 'Shenzhen'],
  ['杭州分部', 'Hangzhou'], ['南京分部', 'Nanjing'], ['成都分部', 'Chengdu'], ['武汉分部', 'Wuhan'],
  ['西安分部', "Xi'an"], ['苏州分部', 'Suzhou'], ['重庆分部', 'Chongqing'], ['天津分部', 'Tianjin'],
  ['厦门分部', 'Xiamen'], ['长沙分部', 'Changsha'], ['沈阳分部', 'Shenyang'], ['青岛分部', 'Qingdao'],
];

// prettier-ignore
export const FUNCTIONS: readonly (readonly [string, string])[] = [
  ['综合组', 'General Team'], ['项目一组', 'Project Team 1'], ['项目二组', 'Project Team 2'], ['专项组', 'Special Team'],
  ['支持组', 'Support Team'], ['规划组', 'Planning Team'], ['执行组', 'Execution Team'], ['分析组', 'Analysis Team'],
];

export const CHINESE_NUMERALS: readonly string[] = [
  '一',
  '二',
  '三',
  '四',
  '五',
  '六',
  '七',
  '八',
  '九',
  '十',
];

// prettier-ignore
export const TAG_NAMES: readonly string[] = [
  '内训讲师', '新员工', '管理层', '技术委员会', '培训负责人', '销售精英', '远程办公', '党员',
  '导师', '高潜人才', '安全员', '项目经理', '产品委员会', '工会委员', '志愿者', '英语角',
  '年度优秀员工', '预备干部', '校招生', '外派人员',
];
