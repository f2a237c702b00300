// antd form rules backed by the form's own validation function: each field shows the first issue on
// its path, in the user's language, as the user types.
import type { FormInstance, FormRule as Rule } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FormIssue } from './profileForm.ts';

export type NamePath = (string | number)[];

const samePath = (a: NamePath, b: NamePath) => a.length === b.length && a.every((part, i) => String(part) === String(b[i]));

export function useIssueRule<V>(form: FormInstance<V>, validate: (values: V) => FormIssue[]) {
  const { t } = useTranslation('settings');
  const message = (issue: FormIssue) => t(issue.key, { ...issue.values, message: issue.message });
  const rule = (path: NamePath): Rule => ({
    validator: async () => {
      const issue = validate(form.getFieldsValue(true) as V).find((i) => samePath(i.path, path));
      if (issue) throw new Error(message(issue));
    },
  });
  return { rule, message };
}
