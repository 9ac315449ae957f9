<#-- The logs section (haraka-lint logs --format markdown, and check --logs --format markdown).
     Model: logs = the LogsView map (the same keys as the JSON output). Text is escaped with md()/mdCode(). -->
## Haraka logs: ${logs.actions} action<#if logs.actions != 1>s</#if>, ${logs.decisions?size - logs.actions} to review

Window: ${md(logs.window)} · ${logs.summary.sessions} sessions from ${logs.summary.addresses} addresses in ${logs.summary.lines} lines<#if logs.config??> · config ${mdCode(logs.config)}</#if> · judged on ${logs.today}
<#if logs.decisions?has_content>

| | Decision | About | Where | Owner | What to do |
|---|---|---|---|---|---|
<#list logs.decisions as d>
| <#if d.level == "act">**act**<#else>review</#if> | ${d.kind} | ${mdCode(d.subject)} | ${mdCode(d.where)} | <#if d.owner??>${md(d.owner)}</#if> | ${md(d.text)} |
</#list>
</#if>
<#if logs.acl?has_content>

**relay_acl_allow entries**

| Entry | Where | Relayed sessions | Recipients | First | Last | Waiver |
|---|---|---|---|---|---|---|
<#list logs.acl as a>
| ${mdCode(a.entry)} | ${mdCode(a.where)} | ${a.relays} | ${a.recipients} | <#if a.first??>${mdCode(a.first.at)}</#if> | <#if a.last??>${mdCode(a.last.at)}</#if> | <#if a.waiver??>${md(a.waiver.name)} (${md(a.waiver.owner)}, until ${md(a.waiver.expires)})<#else>none</#if> |
</#list>
</#if>
<#if logs.clients?has_content>

**Clients**

| Address | Sessions | TLS failures | Likely client | Relayed by ACL | AUTH failed / ok / clear text | Relay refused | Last seen |
|---|---|---|---|---|---|---|---|
<#list logs.clients as c>
<#if c?index == 100>
| … | ${logs.clients?size - 100} more addresses in the JSON output (haraka-lint logs --format json) | | | | | | |
<#break>
</#if>
| ${mdCode(c.ip)}<#if c.private> (private)</#if> | ${c.sessions} | ${md(c.tls.failuresText?join(", "))} | ${md(c.tls.likelyProfiles?join(", "))} | ${c.relay.aclRelays} | ${c.auth.failures} / ${c.auth.successes} / ${c.auth.clearText} | ${c.relay.refused} | ${mdCode(c.last.at)} |
</#list>
</#if>

<#if logs.omittedDecisions?has_content>

> Not listed: decisions about addresses beyond the ${logs.clients?size} most urgent: <#list logs.omittedDecisions as k, n>${k} ×${n}<#sep>, </#list>.
</#if>

<sub>${logs.summary.unknownLines} unknown and ${logs.summary.malformedLines} malformed log lines skipped; ${logs.summary.addresses} of at most ${logs.summary.maxAddresses} addresses tracked<#if logs.summary.sessionsBeyondCap gt 0>, ${logs.summary.sessionsBeyondCap} sessions of further addresses only counted</#if>.</sub>
