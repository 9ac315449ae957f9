# Legacy client ${mdCode(client)}: remediation report

- Client: ${md(profileName)} (`${profileId}`) at ${mdCode(client)}
- Owner: ${md(owner)}
- Reason: ${md(reason)}
- Exception: from ${today} until **${until}** (${days} days); it ends on ${until}

## Why it fails today

${md(why)}
<#if logLine?has_content>

Haraka logs:

```
${logLine}
```
</#if>

## Options, worst to best

<#list options as o>
${o?counter}. **${md(o.title)}** (${o.verdict}): ${md(o.text)}
</#list>

## The transitional patch

<#list files as f>
- ${mdCode(f.path)}: ${md(f.why)}
</#list>
<#if waivers?has_content>

Waivers in `.haraka-lint.ini` (they stop counting on ${until}):

<#list waivers as w>
- `[waiver ${w.name}]` ${w.rule} in ${mdCode(w.file)} for ${mdCode(w.entry)}
</#list>
</#if>

## Upgrade timeline

| date | what |
|---|---|
<#list timeline as t>
| ${t.date} | ${md(t.what)} |
</#list>

## Log lines to watch

<#list watch as l>
- ${md(l)}
</#list>
