<#-- Pull-request comment (GitHub / GitLab Markdown). Copy this file to a folder and pass
     --template FOLDER to change it. Text from the config is escaped with md() (Markdown), mdCode()
     (a code span) or h() (HTML inside <details>). Keep ${marker} on the first line: CI finds its
     earlier comment by it. -->
${marker}
<#if mode == "diff">
<#if fails>:x:<#elseif total gt 0>:warning:<#else>:white_check_mark:</#if> **haraka-lint: <#if total == 0>no new findings<#else>${total} new finding<#if total != 1>s</#if> (${countsText})</#if>**, ${fixedCount} fixed, ${unchanged} unchanged<#if waivedCount gt 0>, ${waivedCount} new waived</#if> in ${mdCode(head)} against ${mdCode(base)}<#if fails>: fails at --fail-on ${failOn}</#if>
<#else>
<#if fails>:x:<#elseif total gt 0>:warning:<#else>:white_check_mark:</#if> **haraka-lint: <#if total == 0>no findings<#else>${total} finding<#if total != 1>s</#if> (${countsText})</#if>**<#if waivedCount gt 0>, ${waivedCount} waived</#if> in <#list targets as t>${mdCode(t)}<#sep>, </#list><#if fails>: fails at --fail-on ${failOn}<#elseif total gt 0 && failOn != "none">: none at or above --fail-on ${failOn}</#if>
</#if>
<#list sections as s>
<#if sections?size gt 1>

### ${mdCode(s.target)}
</#if>
<#if s.rows?has_content>

| Severity | Where | Rule | Message |
|---|---|---|---|
<#list s.rows as f>
| **${f.severity}**<#if f.status == "waiver-expired"> (waiver expired)</#if> | <#if f.link??>[${md(f.location)}](${f.link})<#else>${mdCode(f.location)}</#if> | ${f.ruleId} | ${md(f.message)} |
</#list>
</#if>
</#list>
<#if fixed?has_content>

**Fixed by this change** (${fixed?size}):

| Severity | Where (in ${mdCode(base)}) | Rule | Message |
|---|---|---|---|
<#list fixed as f>
| ${f.severity} | ${mdCode(f.location)} | ${f.ruleId} | ${md(f.message)} |
</#list>
</#if>
<#if waived?has_content>

<details><summary>${waived?size} waived finding<#if waived?size != 1>s</#if> (accepted risks, not counted)</summary>

| Severity | Where | Rule | Message | Waiver |
|---|---|---|---|---|
<#list waived as f>
| ${f.severity} | <#if f.link??>[${md(f.location)}](${f.link})<#else>${mdCode(f.location)}</#if> | ${f.ruleId} | ${md(f.message)} | ${md(f.waiver.reason)} (${md(f.waiver.owner)}, until ${f.waiver.expires}) |
</#list>

</details>
</#if>
<#if rules?has_content>

<#list rules as r>
<details><summary><b>${r.id}</b> ${h(r.title)}</summary>

**Why it matters:** ${md(r.why)}

**How to fix:** ${md(r.fix)}

`haraka-lint explain ${r.id}` prints the rule's page.

</details>
</#list>
</#if>
<#if logs??>

<#include "logs-section.md.ftl">
</#if>
<#if omitted gt 0>

> **Note:** ${omitted} of ${allRows} rows are not shown: a comment is limited to ${limit} characters. The SARIF, HTML or JSON report has them all.
</#if>

<sub>haraka-lint<#if harakaVersion?has_content> · Haraka ${harakaVersion}</#if> · ${filesScanned} files scanned</sub>
