// Runs cdk-nag's AwsSolutions rule pack over synthesised CloudFormation templates: each template is included in a
// stack with CfnInclude (which keeps every resource's Metadata, so the template's cdk_nag rules_to_suppress count, as
// cdk-nag 2 reads them; cdk-nag 3 dropped metadata suppressions) and the findings that are not suppressed are
// printed as JSON: [{ template, level, rule, path, message }].
// Usage: node nag-check.js <template.json>...
'use strict';
const path = require('node:path');
const { App, Aspects, DefaultStackSynthesizer, Stack } = require('aws-cdk-lib');
const { CfnInclude } = require('aws-cdk-lib/cloudformation-include');
const { AwsSolutionsChecks } = require('cdk-nag');

const findings = [];
for (const templateFile of process.argv.slice(2)) {
  const app = new App({ outdir: require('node:fs').mkdtempSync(path.join(require('node:os').tmpdir(), 'nag-')) });
  // The included template already has the bootstrap-version parameter and rule.
  const stack = new Stack(app, 'Checked', { synthesizer: new DefaultStackSynthesizer({ generateBootstrapVersionRule: false }) });
  new CfnInclude(stack, 'Template', { templateFile });
  Aspects.of(app).add(new AwsSolutionsChecks({ reports: false }));
  const assembly = app.synth();
  for (const artifact of assembly.stacks) {
    for (const message of artifact.messages) {
      if (message.level === 'error' || message.level === 'warning') {
        const text = String(message.entry.data);
        const rule = (/^(AwsSolutions-[A-Za-z0-9]+(\[[^\]]*\])?)/.exec(text) || [])[1] || '';
        findings.push({ template: path.basename(templateFile), level: message.level, rule, path: message.id, message: text.split('\n')[0] });
      }
    }
  }
}
process.stdout.write(JSON.stringify(findings, null, 1) + '\n');
