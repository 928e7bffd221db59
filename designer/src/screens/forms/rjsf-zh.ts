/**
 * rjsf's own words (buttons, array controls, yes/no) in Chinese, so the preview reads as the
 * applicant's form will; other languages keep rjsf's English.
 */
import { englishStringTranslator, replaceStringParameters, TranslatableString } from '@rjsf/utils';

const zh: Partial<Record<TranslatableString, string>> = {
  [TranslatableString.ArrayItemTitle]: '项',
  [TranslatableString.EmptyArray]: '暂无内容，请点击下方按钮添加。',
  [TranslatableString.YesLabel]: '是',
  [TranslatableString.NoLabel]: '否',
  [TranslatableString.CloseLabel]: '关闭',
  [TranslatableString.ErrorsLabel]: '错误',
  [TranslatableString.NewStringDefault]: '新值',
  [TranslatableString.AddButton]: '添加',
  [TranslatableString.AddItemButton]: '添加一项',
  [TranslatableString.CopyButton]: '复制',
  [TranslatableString.MoveDownButton]: '下移',
  [TranslatableString.MoveUpButton]: '上移',
  [TranslatableString.RemoveButton]: '删除',
  [TranslatableString.NowLabel]: '现在',
  [TranslatableString.ClearLabel]: '清除',
  [TranslatableString.AriaDateLabel]: '选择日期',
  [TranslatableString.PreviewLabel]: '预览',
  [TranslatableString.OptionalObjectAdd]: '填写此项',
  [TranslatableString.OptionalObjectRemove]: '不填此项',
  [TranslatableString.OptionalObjectEmptyMsg]: '未填写',
  [TranslatableString.Type]: '类型',
  [TranslatableString.Value]: '值',
  [TranslatableString.ClearButton]: '清除',
  [TranslatableString.OptionPrefix]: '选项 %1',
  [TranslatableString.TitleOptionPrefix]: '%1 选项 %2',
  [TranslatableString.KeyLabel]: '%1 键名',
};

/** rjsf's `translateString` for a language: Chinese where we have the words, else rjsf's English. */
export function rjsfStrings(language: string): (key: TranslatableString, params?: string[]) => string {
  if (language.startsWith('en')) return englishStringTranslator;
  return (key, params) => {
    const words = zh[key];
    return words === undefined ? englishStringTranslator(key, params) : replaceStringParameters(words, params);
  };
}

/** The submit button's text when the form does not set its own. */
export function submitText(language: string): string {
  return language.startsWith('en') ? 'Submit' : '提交';
}
