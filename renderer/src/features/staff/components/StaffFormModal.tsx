import { App, DatePicker, Form, Input, Select } from 'antd';
import { useMemo, useState } from 'react';
import { ROLES } from '../../../../../shared/roles';
import { newStaffSchema, type StaffRow } from '../../../../../shared/contract/staff';
import { fieldLimits } from '../../../../../shared/contract/schema-fields';
import { toApiError } from '../../../api/ApiError';
import { call } from '../../../api/client';
import { useFormApiError } from '../../../api/useFormApiError';
import { FormDialog } from '../../../components/FormDialog';
import { useT } from '../../../i18n';
import { useRoleLabel } from '../hooks/useRoleLabel';
import {
  emptyStaffForm,
  formToStaffInput,
  formToStaffPatch,
  phoneProblem,
  salaryProblem,
  staffToForm,
  STAFF_FORM_FIELDS,
  STAFF_FORM_RENAME,
  type StaffFormValues,
} from '../staffForm';

type Props = {
  /** The person to edit, or null to add someone. */
  row: StaffRow | null;
  onClose: () => void;
  onSaved: (row: StaffRow) => void;
};

/** 新增员工 / 编辑: mounted while open, so each opening starts from fresh values. */
/** Lengths and required marks as staff.create holds them (the same schema import checks rows with). */
const limits = fieldLimits(newStaffSchema);
type StaffKey = Parameters<typeof limits.required>[0];

export function StaffFormModal({ row, onClose, onSaved }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const roleLabel = useRoleLabel();
  const [form] = Form.useForm<StaffFormValues>();
  const errors = useFormApiError(form, STAFF_FORM_FIELDS, STAFF_FORM_RENAME);
  const [saving, setSaving] = useState(false);
  const initialValues = useMemo(() => (row ? staffToForm(row) : emptyStaffForm()), [row]);
  const roleOptions = ROLES.map((role) => ({ value: role, label: roleLabel(role) }));
  const required = (key: StaffKey, label: string) => ({
    required: limits.required(key),
    whitespace: true,
    message: t('common.required', { label }),
  });
  // Someone who may not see this person's salary (a clerk, say) edits the rest of the record; the
  // salary field is left out rather than shown empty and required.
  const showsSalary = row === null || row.baseSalaryFen !== undefined;

  const save = async (values: StaffFormValues): Promise<void> => {
    setSaving(true);
    try {
      const saved = row
        ? await call('staff.update', { id: row.id, ...formToStaffPatch(values) })
        : await call('staff.create', formToStaffInput(values));
      void message.success(t(row ? 'staff.updated' : 'staff.created', { name: saved.name }));
      onSaved(saved);
    } catch (error) {
      errors.show(toApiError(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <FormDialog
      form={form}
      title={row ? t('staff.editTitle', { name: row.name }) : t('staff.createTitle')}
      saving={saving}
      onOk={() => form.submit()}
      onClose={onClose}
      error={errors.general}
    >
      <Form<StaffFormValues>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onFinish={(v) => void save(v)}
        onValuesChange={errors.clear}
        className="staff-form"
      >
        <div className="form-grid">
          <Form.Item name="code" label={t('staff.code')} rules={[required('code', t('staff.code'))]}>
            <Input placeholder={t('staff.codePlaceholder')} maxLength={limits.maxLength('code')} autoFocus spellCheck={false} />
          </Form.Item>
          <Form.Item name="name" label={t('staff.name')} rules={[required('name', t('staff.name'))]}>
            <Input maxLength={limits.maxLength('name')} />
          </Form.Item>
          <Form.Item name="role" label={t('staff.role')} rules={[required('role', t('staff.role'))]}>
            <Select options={roleOptions} />
          </Form.Item>
          <Form.Item
            name="hiredOn"
            label={t('staff.hiredOn')}
            rules={[{ required: limits.required('hiredOn'), message: t('common.required', { label: t('staff.hiredOn') }) }]}
          >
            <DatePicker className="full-width" format="YYYY-MM-DD" allowClear={false} />
          </Form.Item>
          {showsSalary && (
            <Form.Item
              name="baseSalaryYuan"
              label={t('staff.baseSalary')}
              extra={t('staff.salaryHelp')}
              rules={[
                required('baseSalaryFen', t('staff.baseSalary')),
                {
                  validator: async (_rule, value: string | undefined) => {
                    const problem = salaryProblem(value);
                    if (problem) throw new Error(t(problem));
                  },
                },
              ]}
            >
              <Input prefix="¥" suffix={t('staff.yuan')} placeholder={t('staff.salaryPlaceholder')} inputMode="decimal" />
            </Form.Item>
          )}
          <Form.Item
            name="phone"
            label={t('staff.phone')}
            rules={[
              {
                validator: async (_rule, value: string | undefined) => {
                  const problem = phoneProblem(value);
                  if (problem) throw new Error(t(problem));
                },
              },
            ]}
          >
            <Input maxLength={limits.maxLength('phone')} inputMode="tel" placeholder={t('staff.phonePlaceholder')} />
          </Form.Item>
        </div>
      </Form>
    </FormDialog>
  );
}
