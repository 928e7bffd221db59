/** Texts of the flows screens: Chinese (default) and English, same keys. */
export const flows = {
  zh: {
    title: '办理流程',
  },
  en: {
    title: 'Workflows',
  },
};
