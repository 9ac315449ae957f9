<#-- Terminal text. The default text output is printed by TextReporter (Java, for start-up speed);
     this template renders the same, and is used instead when a --template FOLDER holds a text.ftl.
     sev[label] is the severity, in colour when writing to a terminal. -->
<#list reports as r>
<#list r.findings as f>
${f.file}:${f.line}:${f.column}: ${sev[f.severity]}<#if f.status == "waived"> (waived)</#if> [${f.ruleId}] ${f.message}
<#if f.waiver??>
<#if f.status == "waived">
    waived until ${f.waiver.expires} (${f.waiver.owner}, ${f.waiver.where}): ${f.waiver.reason}
<#else>
    waiver expired on ${f.waiver.expires} (${f.waiver.owner}, ${f.waiver.where}): this counts again; fix it, or renew the waiver with a new date and reason after review
</#if>
</#if>
    why: ${f.why}
    fix: ${f.fix}
</#list>
${r.summary}
</#list>
