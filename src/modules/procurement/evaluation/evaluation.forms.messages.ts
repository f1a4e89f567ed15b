// The evaluation forms' messages, zh-CN and en (evaluation.forms.tsx, evaluation.page.tsx).
import { registerMessages, type Catalogue, type Locale } from '../../../platform/views/i18n.js';

export const evaluationFormMessages: Record<Locale, Catalogue> = {
  'zh-CN': {
    'evaluation.task': '对“{name}”的评审',
    'evaluation.review.form': '资格性和符合性审查',
    'evaluation.review.verdict': '审查结论',
    'evaluation.review.pass': '通过',
    'evaluation.review.reject': '不通过',
    'evaluation.review.reason': '不通过的理由',
    'evaluation.review.reasonHint':
      '不通过时必填（政府采购货物和服务招标投标管理办法第四十四条、第五十条）。',
    'evaluation.review.submit': '提交审查结论',
    'evaluation.explain.form': '报价明显偏低的书面说明',
    'evaluation.explain.text': '供应商的书面说明',
    'evaluation.explain.hint':
      '录入供应商提交的书面说明；不能证明报价合理的，按无效投标处理（政府采购货物和服务招标投标管理办法第六十条）。',
    'evaluation.explain.verdict': '评审委员会的意见',
    'evaluation.explain.accept': '说明合理，接受',
    'evaluation.explain.refuse': '不能证明报价合理，按无效投标处理',
    'evaluation.explain.submit': '记录说明',
    'evaluation.explain.accepted': '说明已接受',
    'evaluation.explain.refused': '说明未被接受，按无效投标处理',
    'evaluation.sheet.form': '评分表',
    'evaluation.sheet.rangeHint': '评分区间 {min} 至 {max}，最多两位小数。',
    'evaluation.sheet.submit': '提交评分表',
    'evaluation.report.form': '出具评审报告',
    'evaluation.report.hint': '审查、说明和全部评分表均已完成。出具后将按公布的规则排序，并送交采购人。',
    'evaluation.report.submit': '出具评审报告',
    'evaluation.ranking': '评审排序',
    'evaluation.award.form': '确定第 {lot} 包',
    'evaluation.award.hint':
      '按评审报告的排序确定中标（成交）供应商；授予时复核资格与信用，未通过的依次递补（政府采购法实施条例第四十三条）。',
    'evaluation.award.submit': '确定第 {lot} 包的中标（成交）供应商',
    'evaluation.awarded': '中标（成交）供应商：{name}，金额 {amount}，合同签订期限 {date}。',
    'evaluation.noneAwarded': '本包没有可授予的供应商。',
    'flash.evaluationReviewed': '审查结论已提交。',
    'flash.evaluationExplained': '说明已记录。',
    'flash.evaluationSheet': '评分表已提交。',
    'flash.evaluationReported': '评审报告已出具，已送交采购人。',
    'flash.evaluationAwarded': '第 {lot} 包已确定。',
    'flash.evaluationResultPublished': '第 {lot} 包已确定，各包均已确定，结果公告已发布。',
  },
  en: {
    'evaluation.task': 'Evaluating “{name}”',
    'evaluation.review.form': 'Compliance review',
    'evaluation.review.verdict': 'Verdict',
    'evaluation.review.pass': 'Passes',
    'evaluation.review.reject': 'Rejected',
    'evaluation.review.reason': 'Reason for rejecting',
    'evaluation.review.reasonHint':
      'Required when rejecting (Measures for tendering of goods and services, Art 44 and 50).',
    'evaluation.review.submit': 'Record the review',
    'evaluation.explain.form': 'Explanation of an abnormally low price',
    'evaluation.explain.text': 'The bidder’s written explanation',
    'evaluation.explain.hint':
      'Enter the explanation the bidder gave; a price not shown to be reasonable makes the bid invalid (Measures for tendering of goods and services, Art 60).',
    'evaluation.explain.verdict': 'The panel’s verdict',
    'evaluation.explain.accept': 'Reasonable, accepted',
    'evaluation.explain.refuse': 'Not shown reasonable, the bid is invalid',
    'evaluation.explain.submit': 'Record the explanation',
    'evaluation.explain.accepted': 'explanation accepted',
    'evaluation.explain.refused': 'explanation not accepted, bid invalid',
    'evaluation.sheet.form': 'Scoring sheet',
    'evaluation.sheet.rangeHint': 'From {min} to {max}, at most two decimals.',
    'evaluation.sheet.submit': 'Submit the scoring sheet',
    'evaluation.report.form': 'Deliver the report',
    'evaluation.report.hint':
      'Every review, explanation and sheet is in. The report ranks the bids by the published rules and goes to the purchaser.',
    'evaluation.report.submit': 'Deliver the evaluation report',
    'evaluation.ranking': 'Ranking',
    'evaluation.award.form': 'Confirm lot {lot}',
    'evaluation.award.hint':
      'Confirms the supplier in the order of the report’s ranking; a candidate failing the re-check at award is passed over for the next (GPL Implementing Regulations Art 43).',
    'evaluation.award.submit': 'Confirm the supplier of lot {lot}',
    'evaluation.awarded': 'Awarded to {name} for {amount}; contract due by {date}.',
    'evaluation.noneAwarded': 'No supplier could be awarded this lot.',
    'flash.evaluationReviewed': 'The review is recorded.',
    'flash.evaluationExplained': 'The explanation is recorded.',
    'flash.evaluationSheet': 'The scoring sheet is submitted.',
    'flash.evaluationReported': 'The report is delivered to the purchaser.',
    'flash.evaluationAwarded': 'Lot {lot} is confirmed.',
    'flash.evaluationResultPublished':
      'Lot {lot} is confirmed; every lot is decided and the result notice is published.',
  },
};

registerMessages(evaluationFormMessages);
