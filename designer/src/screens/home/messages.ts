/** Texts of the public home and guide pages: Chinese (default) and English, same keys. */
export const home = {
  zh: {
    title: '知识产权公共服务平台',
    toStudio: '进入设计器',
    loadFailed: '无法加载平台“{{platformId}}”的服务清单：{{error}}',
    seq: '序号',
    category: '事项类别',
    item: '事项名称',
    targets: '服务对象',
    channel: '服务形式',
    timeLimit: '承诺时限',
    department: '实施部门',
    backToLists: '返回服务清单',
  },
  en: {
    title: 'IP Public Service Platform',
    toStudio: 'Open the studio',
    loadFailed: 'Could not load the service lists of platform "{{platformId}}": {{error}}',
    seq: 'No.',
    category: 'Category',
    item: 'Service item',
    targets: 'For',
    channel: 'Channel',
    timeLimit: 'Time limit',
    department: 'Department',
    backToLists: 'Back to the service lists',
  },
};
