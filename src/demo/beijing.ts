// Demo data: a coherent Beijing. Departments are the real kinds of offices a Beijing purchase involves;
// all social organizations, agencies and people below are fictional, and so are their codes (valid in
// form only). Later issues add catalogues, projects, contracts and evaluations on top of this.
import type { OrganizationLevel, SocialOrganizationType } from '../platform/access/roles.js';

export interface DemoDepartment {
  key: string;
  name: string;
  nameEn: string;
  kind: 'purchaser' | 'bureau';
  level: OrganizationLevel;
  districtCode: string;
  parent?: string;
}

export interface DemoSocialOrganization {
  name: string;
  nameEn: string;
  type: SocialOrganizationType;
  districtCode: string;
}

export const CITY_DEPARTMENTS: DemoDepartment[] = [
  {
    key: 'city',
    name: '北京市人民政府',
    nameEn: 'Beijing Municipal People’s Government',
    kind: 'purchaser',
    level: 'city',
    districtCode: '110000',
  },
  {
    key: 'cityFinance',
    name: '北京市财政局',
    nameEn: 'Beijing Municipal Finance Bureau',
    kind: 'bureau',
    level: 'city',
    districtCode: '110000',
    parent: 'city',
  },
  {
    key: 'cityCivil',
    name: '北京市民政局',
    nameEn: 'Beijing Municipal Civil Affairs Bureau',
    kind: 'bureau',
    level: 'city',
    districtCode: '110000',
    parent: 'city',
  },
  {
    key: 'cityAudit',
    name: '北京市审计局',
    nameEn: 'Beijing Municipal Audit Bureau',
    kind: 'bureau',
    level: 'city',
    districtCode: '110000',
    parent: 'city',
  },
  {
    key: 'citySocial',
    name: '北京市社会建设工作办公室',
    nameEn: 'Beijing Social Development Office',
    kind: 'purchaser',
    level: 'city',
    districtCode: '110000',
    parent: 'city',
  },
  {
    key: 'cityHealth',
    name: '北京市卫生健康委员会',
    nameEn: 'Beijing Municipal Health Commission',
    kind: 'purchaser',
    level: 'city',
    districtCode: '110000',
    parent: 'city',
  },
  {
    key: 'cityHr',
    name: '北京市人力资源和社会保障局',
    nameEn: 'Beijing Municipal Human Resources and Social Security Bureau',
    kind: 'purchaser',
    level: 'city',
    districtCode: '110000',
    parent: 'city',
  },
  {
    key: 'cityDisabled',
    name: '北京市残疾人联合会',
    nameEn: 'Beijing Disabled Persons’ Federation',
    kind: 'purchaser',
    level: 'city',
    districtCode: '110000',
    parent: 'city',
  },
];

/** Street offices (街道办事处) of some districts, by district code. */
export const STREETS: Record<string, [string, string][]> = {
  '110101': [
    ['东华门街道办事处', 'Donghuamen Subdistrict Office'],
    ['景山街道办事处', 'Jingshan Subdistrict Office'],
    ['交道口街道办事处', 'Jiaodaokou Subdistrict Office'],
  ],
  '110102': [
    ['新街口街道办事处', 'Xinjiekou Subdistrict Office'],
    ['月坛街道办事处', 'Yuetan Subdistrict Office'],
    ['展览路街道办事处', 'Zhanlanlu Subdistrict Office'],
  ],
  '110105': [
    ['建外街道办事处', 'Jianwai Subdistrict Office'],
    ['朝外街道办事处', 'Chaowai Subdistrict Office'],
    ['呼家楼街道办事处', 'Hujialou Subdistrict Office'],
    ['望京街道办事处', 'Wangjing Subdistrict Office'],
  ],
  '110106': [
    ['卢沟桥街道办事处', 'Lugouqiao Subdistrict Office'],
    ['右安门街道办事处', 'You’anmen Subdistrict Office'],
  ],
  '110107': [
    ['八宝山街道办事处', 'Babaoshan Subdistrict Office'],
    ['古城街道办事处', 'Gucheng Subdistrict Office'],
  ],
  '110108': [
    ['中关村街道办事处', 'Zhongguancun Subdistrict Office'],
    ['学院路街道办事处', 'Xueyuanlu Subdistrict Office'],
    ['海淀街道办事处', 'Haidian Subdistrict Office'],
  ],
  '110112': [
    ['北苑街道办事处', 'Beiyuan Subdistrict Office'],
    ['中仓街道办事处', 'Zhongcang Subdistrict Office'],
  ],
  '110114': [
    ['城北街道办事处', 'Chengbei Subdistrict Office'],
    ['回龙观街道办事处', 'Huilongguan Subdistrict Office'],
  ],
  '110115': [
    ['兴丰街道办事处', 'Xingfeng Subdistrict Office'],
    ['清源街道办事处', 'Qingyuan Subdistrict Office'],
  ],
};

export const SOCIAL_ORGANIZATIONS: DemoSocialOrganization[] = [
  // 社会团体 (associations)
  {
    name: '北京市朝阳区社区志愿服务联合会',
    nameEn: 'Chaoyang Community Volunteer Federation',
    type: 'association',
    districtCode: '110105',
  },
  {
    name: '北京市海淀区养老服务行业协会',
    nameEn: 'Haidian Elderly Care Industry Association',
    type: 'association',
    districtCode: '110108',
  },
  {
    name: '北京市西城区社会工作者协会',
    nameEn: 'Xicheng Social Workers Association',
    type: 'association',
    districtCode: '110102',
  },
  {
    name: '北京市东城区残疾人康复协会',
    nameEn: 'Dongcheng Disability Rehabilitation Association',
    type: 'association',
    districtCode: '110101',
  },
  {
    name: '北京市丰台区家庭教育研究会',
    nameEn: 'Fengtai Family Education Society',
    type: 'association',
    districtCode: '110106',
  },
  {
    name: '北京市通州区物业管理行业协会',
    nameEn: 'Tongzhou Property Management Association',
    type: 'association',
    districtCode: '110112',
  },
  {
    name: '北京市心理健康促进会',
    nameEn: 'Beijing Mental Health Promotion Association',
    type: 'association',
    districtCode: '110000',
  },
  {
    name: '北京市社区体育健身协会',
    nameEn: 'Beijing Community Fitness Association',
    type: 'association',
    districtCode: '110000',
  },
  {
    name: '北京市石景山区老年人协会',
    nameEn: 'Shijingshan Senior Citizens Association',
    type: 'association',
    districtCode: '110107',
  },
  {
    name: '北京市昌平区青年志愿者协会',
    nameEn: 'Changping Youth Volunteers Association',
    type: 'association',
    districtCode: '110114',
  },
  {
    name: '北京市大兴区社会组织联合会',
    nameEn: 'Daxing Federation of Social Organizations',
    type: 'association',
    districtCode: '110115',
  },
  {
    name: '北京市顺义区慈善协会',
    nameEn: 'Shunyi Charity Association',
    type: 'association',
    districtCode: '110113',
  },
  {
    name: '北京市房山区农村专业技术协会',
    nameEn: 'Fangshan Rural Technical Association',
    type: 'association',
    districtCode: '110111',
  },
  {
    name: '北京市门头沟区文化遗产保护协会',
    nameEn: 'Mentougou Cultural Heritage Association',
    type: 'association',
    districtCode: '110109',
  },
  {
    name: '北京市怀柔区生态旅游协会',
    nameEn: 'Huairou Eco-tourism Association',
    type: 'association',
    districtCode: '110116',
  },
  {
    name: '北京市平谷区果品产业协会',
    nameEn: 'Pinggu Fruit Growers Association',
    type: 'association',
    districtCode: '110117',
  },
  {
    name: '北京市密云区水源保护志愿者协会',
    nameEn: 'Miyun Watershed Volunteers Association',
    type: 'association',
    districtCode: '110118',
  },
  {
    name: '北京市延庆区冰雪运动协会',
    nameEn: 'Yanqing Winter Sports Association',
    type: 'association',
    districtCode: '110119',
  },
  // 基金会 (foundations)
  {
    name: '北京暖阳公益基金会',
    nameEn: 'Beijing Warm Sun Foundation',
    type: 'foundation',
    districtCode: '110000',
  },
  {
    name: '北京市长者关爱基金会',
    nameEn: 'Beijing Elder Care Foundation',
    type: 'foundation',
    districtCode: '110000',
  },
  {
    name: '北京儿童阅读推广基金会',
    nameEn: 'Beijing Children’s Reading Foundation',
    type: 'foundation',
    districtCode: '110000',
  },
  {
    name: '北京社区发展基金会',
    nameEn: 'Beijing Community Development Foundation',
    type: 'foundation',
    districtCode: '110000',
  },
  {
    name: '北京青少年成长基金会',
    nameEn: 'Beijing Youth Growth Foundation',
    type: 'foundation',
    districtCode: '110000',
  },
  {
    name: '北京市助残扶贫基金会',
    nameEn: 'Beijing Disability Support Foundation',
    type: 'foundation',
    districtCode: '110000',
  },
  {
    name: '北京城乡互助公益基金会',
    nameEn: 'Beijing Urban–Rural Mutual Aid Foundation',
    type: 'foundation',
    districtCode: '110000',
  },
  {
    name: '北京市环境教育基金会',
    nameEn: 'Beijing Environmental Education Foundation',
    type: 'foundation',
    districtCode: '110000',
  },
  {
    name: '北京心灵港湾公益基金会',
    nameEn: 'Beijing Safe Harbour Foundation',
    type: 'foundation',
    districtCode: '110000',
  },
  {
    name: '北京应急救援志愿基金会',
    nameEn: 'Beijing Emergency Rescue Volunteers Foundation',
    type: 'foundation',
    districtCode: '110000',
  },
  {
    name: '北京银龄互助基金会',
    nameEn: 'Beijing Silver Age Mutual Aid Foundation',
    type: 'foundation',
    districtCode: '110000',
  },
  {
    name: '北京乡村教育发展基金会',
    nameEn: 'Beijing Rural Education Foundation',
    type: 'foundation',
    districtCode: '110000',
  },
  {
    name: '北京市社工人才发展基金会',
    nameEn: 'Beijing Social Work Talent Foundation',
    type: 'foundation',
    districtCode: '110000',
  },
  {
    name: '北京康宁慈善基金会',
    nameEn: 'Beijing Kangning Charitable Foundation',
    type: 'foundation',
    districtCode: '110000',
  },
  {
    name: '北京文化传承公益基金会',
    nameEn: 'Beijing Cultural Heritage Foundation',
    type: 'foundation',
    districtCode: '110000',
  },
  {
    name: '北京市社区食堂公益基金会',
    nameEn: 'Beijing Community Canteen Foundation',
    type: 'foundation',
    districtCode: '110000',
  },
  {
    name: '北京春苗助学基金会',
    nameEn: 'Beijing Spring Seedling Education Foundation',
    type: 'foundation',
    districtCode: '110000',
  },
  {
    name: '北京绿色出行公益基金会',
    nameEn: 'Beijing Green Travel Foundation',
    type: 'foundation',
    districtCode: '110000',
  },
  // 社会服务机构 (social service agencies)
  {
    name: '北京市朝阳区暖心居家养老服务中心',
    nameEn: 'Chaoyang Warm Heart Home Care Centre',
    type: 'serviceAgency',
    districtCode: '110105',
  },
  {
    name: '北京市海淀区启明星残障儿童康复中心',
    nameEn: 'Haidian Morning Star Children’s Rehabilitation Centre',
    type: 'serviceAgency',
    districtCode: '110108',
  },
  {
    name: '北京市西城区阳光社会工作事务所',
    nameEn: 'Xicheng Sunshine Social Work Agency',
    type: 'serviceAgency',
    districtCode: '110102',
  },
  {
    name: '北京市东城区和睦家庭服务中心',
    nameEn: 'Dongcheng Harmony Family Service Centre',
    type: 'serviceAgency',
    districtCode: '110101',
  },
  {
    name: '北京市丰台区乐龄日间照料中心',
    nameEn: 'Fengtai Happy Age Day Care Centre',
    type: 'serviceAgency',
    districtCode: '110106',
  },
  {
    name: '北京市石景山区邻里守望社区服务中心',
    nameEn: 'Shijingshan Good Neighbours Community Centre',
    type: 'serviceAgency',
    districtCode: '110107',
  },
  {
    name: '北京市通州区运河社会工作服务中心',
    nameEn: 'Tongzhou Grand Canal Social Work Centre',
    type: 'serviceAgency',
    districtCode: '110112',
  },
  {
    name: '北京市昌平区回龙观社区发展服务中心',
    nameEn: 'Changping Huilongguan Community Development Centre',
    type: 'serviceAgency',
    districtCode: '110114',
  },
  {
    name: '北京市大兴区新航社区矫正服务中心',
    nameEn: 'Daxing New Course Community Correction Centre',
    type: 'serviceAgency',
    districtCode: '110115',
  },
  {
    name: '北京市顺义区向日葵青少年服务中心',
    nameEn: 'Shunyi Sunflower Youth Centre',
    type: 'serviceAgency',
    districtCode: '110113',
  },
  {
    name: '北京市房山区乡村振兴社会工作服务社',
    nameEn: 'Fangshan Rural Revitalisation Social Work Agency',
    type: 'serviceAgency',
    districtCode: '110111',
  },
  {
    name: '北京市门头沟区山区老人助餐服务中心',
    nameEn: 'Mentougou Mountain Elders Meal Service Centre',
    type: 'serviceAgency',
    districtCode: '110109',
  },
  {
    name: '北京市怀柔区长城脚下文化服务中心',
    nameEn: 'Huairou Great Wall Culture Centre',
    type: 'serviceAgency',
    districtCode: '110116',
  },
  {
    name: '北京市平谷区桃源助残服务中心',
    nameEn: 'Pinggu Peach Garden Disability Service Centre',
    type: 'serviceAgency',
    districtCode: '110117',
  },
  {
    name: '北京市密云区清水社区服务中心',
    nameEn: 'Miyun Clear Water Community Centre',
    type: 'serviceAgency',
    districtCode: '110118',
  },
  {
    name: '北京市延庆区妫川心理咨询服务中心',
    nameEn: 'Yanqing Guichuan Counselling Centre',
    type: 'serviceAgency',
    districtCode: '110119',
  },
  {
    name: '北京市朝阳区望京国际社区服务中心',
    nameEn: 'Chaoyang Wangjing International Community Centre',
    type: 'serviceAgency',
    districtCode: '110105',
  },
  {
    name: '北京市海淀区学院路社区教育服务中心',
    nameEn: 'Haidian Xueyuanlu Community Education Centre',
    type: 'serviceAgency',
    districtCode: '110108',
  },
];

export const AGENCIES: { name: string; nameEn: string; districtCode: string }[] = [
  {
    name: '北京公信第三方评估中心',
    nameEn: 'Beijing Public Trust Evaluation Centre',
    districtCode: '110105',
  },
  {
    name: '北京明鉴社会服务评估所',
    nameEn: 'Beijing Mingjian Social Service Evaluation',
    districtCode: '110108',
  },
];
