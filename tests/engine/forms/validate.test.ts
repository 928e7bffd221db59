import { expect } from 'chai';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { formatValidators, registerFormats } from '../../../engine/forms/formats.js';
import { validateFormData } from '../../../engine/forms/validate.js';
import type { Form } from '../../../engine/kinds/form.js';

function assistanceForm(version = 1, extraRequired: string[] = []): Form {
  const schema = {
    kind: 'Form' as const,
    schemaVersion: 1 as const,
    id: 'ip-assistance-application',
    version,
    title: '知识产权维权援助申请表',
    schema: {
      type: 'object',
      required: ['applicant', 'matter', ...extraRequired],
      properties: {
        applicant: {
          type: 'object',
          title: '申请人',
          required: ['name', 'idNumber', 'mobile'],
          properties: {
            name: { type: 'string', title: '申请人姓名', minLength: 2, maxLength: 50 },
            idNumber: { type: 'string', title: '身份证号', format: 'cn-resident-id' },
            mobile: { type: 'string', title: '联系电话', format: 'cn-mobile' },
            region: { type: 'string', title: '所在地区', format: 'region' },
          },
        },
        company: {
          type: 'object',
          title: '所在单位',
          properties: { uscc: { type: 'string', title: '统一社会信用代码', format: 'cn-uscc' } },
        },
        matter: { type: 'string', title: '事项与事由', minLength: 10 },
        claimAmount: { type: 'number', title: '涉案金额（元）', minimum: 0, multipleOf: 0.01 },
        rightTypes: {
          type: 'array',
          title: '权利类型',
          minItems: 1,
          uniqueItems: true,
          items: { type: 'string', enum: ['专利', '商标', '著作权', '地理标志'] },
        },
        hasAgent: { type: 'boolean', title: '是否委托代理' },
        agentName: { type: 'string', title: '代理人姓名' },
      },
      if: { properties: { hasAgent: { const: true } }, required: ['hasAgent'] },
      then: { required: ['agentName'] },
    },
  };
  // The Form kind types only `type` and `properties`; the rest of a JSON Schema passes through.
  return { ...schema, schema: schema.schema as Form['schema'] };
}

const validData = {
  applicant: { name: '张三', idNumber: '11010519491231002X', mobile: '13800138000', region: '510700' },
  company: { uscc: '91350100M000100Y43' },
  matter: '我公司发明专利被他人在电商平台销售的产品侵犯，请求提供侵权判定参考意见。',
  claimAmount: 125000.5,
  rightTypes: ['专利'],
  hasAgent: false,
};

describe('validateFormData', () => {
  describe('given valid data', () => {
    it('returns no problems', () => {
      expect(validateFormData(assistanceForm(), validData, { now: '2026-01-04T06:05:00Z' })).to.deep.equal([]);
    });

    it('accepts a multipleOf 0.01 amount that floats cannot represent exactly (multipleOfPrecision 8)', () => {
      expect(validateFormData(assistanceForm(), { ...validData, claimAmount: 0.07 * 3 })).to.deep.equal([]);
    });
  });

  describe('given a wrong resident id', () => {
    it('reports form.format at the field with its title', () => {
      const data = { ...validData, applicant: { ...validData.applicant, idNumber: '110105194912310021' } };
      const problems = validateFormData(assistanceForm(), data);
      expect(problems).to.have.length(1);
      expect(problems[0]).to.include({ code: 'form.format', path: '/applicant/idNumber' });
      expect(problems[0]?.message).to.match(/^"身份证号" 格式不正确/);
    });

    it('rejects a future birth date only when now is given', () => {
      const data = { ...validData, applicant: { ...validData.applicant, idNumber: '110101209901010017' } };
      expect(validateFormData(assistanceForm(), data, { now: '2026-01-04T06:05:00Z' }).map((p) => p.path)).to.deep.equal([
        '/applicant/idNumber',
      ]);
      expect(validateFormData(assistanceForm(), data)).to.deep.equal([]);
    });
  });

  describe('given several mistakes at once', () => {
    const data = {
      applicant: { name: '张', mobile: '1380013800', region: '51070' },
      company: { uscc: '91110108551385082R' },
      claimAmount: -1,
      rightTypes: ['专利', '专利', '外观'],
      hasAgent: true,
    };
    const problems = validateFormData(assistanceForm(), data);
    const byPath = (path: string) => problems.filter((p) => p.path === path);

    it('reports every problem, each with a JSON Pointer into the data', () => {
      expect(problems.map((p) => `${p.code} ${p.path}`)).to.have.members([
        'form.required /applicant/idNumber',
        'form.minLength /applicant/name',
        'form.format /applicant/mobile',
        'form.format /applicant/region',
        'identity.uscc-check /company/uscc',
        'form.required /matter',
        'form.minimum /claimAmount',
        'form.enum /rightTypes/2',
        'form.uniqueItems /rightTypes',
        'form.required /agentName',
      ]);
    });

    it('points a missing field at its own path and names it by title', () => {
      expect(byPath('/applicant/idNumber')[0]?.message).to.equal('请填写"身份证号"');
      expect(byPath('/matter')[0]?.message).to.equal('请填写"事项与事由"');
      expect(byPath('/agentName')[0]?.message).to.equal('请填写"代理人姓名"');
    });

    it('writes messages in Chinese with the field titles', () => {
      expect(byPath('/applicant/name')[0]?.message).to.equal('"申请人姓名" 至少需要 2 个字符');
      expect(byPath('/applicant/mobile')[0]?.message).to.equal('"联系电话" 格式不正确，应为11位手机号码');
      expect(byPath('/company/uscc')[0]?.message).to.match(/^"统一社会信用代码" 校验码不符，请核对/);
      expect(byPath('/claimAmount')[0]?.message).to.equal('"涉案金额（元）" 不能小于 0');
      expect(byPath('/rightTypes/2')[0]?.message).to.equal('"第3项" 只能是以下之一：专利、商标、著作权、地理标志');
      expect(byPath('/rightTypes')[0]?.message).to.equal('"权利类型" 中第 1 项与第 2 项重复');
    });
  });

  describe('given data of the wrong type', () => {
    it('reports form.type at the root', () => {
      const problems = validateFormData(assistanceForm(), 'not an object');
      expect(problems).to.deep.equal([{ code: 'form.type', path: '', message: '"表单" 应为一组信息' }]);
    });
  });

  describe('caching', () => {
    it('recompiles when a draft changes its schema under the same id@version', () => {
      const form = assistanceForm(7);
      expect(validateFormData(form, validData)).to.deep.equal([]);
      const changed = assistanceForm(7, ['extra']);
      expect(validateFormData(changed, validData).map((p) => p.path)).to.deep.equal(['/extra']);
      expect(validateFormData(form, validData)).to.deep.equal([]);
    });
  });
});

describe('registerFormats', () => {
  it('makes a plain Ajv agree with the engine on the custom formats', () => {
    const ajv = registerFormats(new Ajv({ allErrors: true, strict: false }), { today: () => '2026-01-04' });
    addFormats.default(ajv);
    const validate = ajv.compile({ type: 'string', format: 'cn-uscc' });
    expect(validate('91350100M000100Y43')).to.equal(true);
    // The format is the hard tier: a wrong check character is a soft reject of validateFormData.
    expect(validate('91350100M000100Y44')).to.equal(true);
    expect(validate('91350100M000100I43')).to.equal(false);
  });

  it('exposes the same checks as predicates for @rjsf customFormats', () => {
    const formats = formatValidators({ today: () => '2026-01-04' });
    expect(formats['cn-resident-id']('110101209901010017')).to.equal(false);
    expect(formats['cn-resident-id']('11010519491231002X')).to.equal(true);
    expect(formats['cn-mobile']('13800138000')).to.equal(true);
    expect(formats.region('510700')).to.equal(true);
  });
});
