<#--
  The migration report of `haraka-lint migrate` (Markdown). code(s) writes s as a code span and
  cell(s) as table-safe text. Model: r with
  target, to, changes (path, action, why), carried (source, target, value), renames (line, from, to, pkg),
  packages (name, version, why), oldFiles (path, replacedBy), humans (file, what).
-->
# Haraka migration report: ${cell(r.target)} to Haraka ${r.to}

<#if r.changes?size == 0>
Nothing to change: this tree is already migrated.
<#else>
## Changes

| file | change | source |
|---|---|---|
<#list r.changes as c>
| ${code(c.path)} | ${cell(c.action)} | ${cell(c.why)} |
</#list>
</#if>
<#if r.carried?size gt 0>

## Values carried over into `config/connection.ini`

| from | to | value |
|---|---|---|
<#list r.carried as c>
| ${code(c.source)} | ${code(c.target)} | ${code(c.value)} |
</#list>
</#if>
<#if r.renames?size gt 0>

## Plugins renamed in `config/plugins`

| line | v2 name | 3.x name | npm package |
|---|---|---|---|
<#list r.renames as p>
| ${p.line} | ${code(p.from)} | ${code(p.to)} | <#if p.pkg??>${code(p.pkg)}<#else>(core)</#if> |
</#list>
</#if>
<#if r.packages?size gt 0>

## `package.json` dependencies

| package | version | why |
|---|---|---|
<#list r.packages as p>
| ${code(p.name)} | ${code(p.version)} | ${cell(p.why)} |
</#list>

Run `npm install` in the Haraka root afterwards, and pin the `*` versions to what it installed.
</#if>
<#if r.oldFiles?size gt 0>

## Old files Haraka ${r.to} no longer reads (delete them once the migration is checked)

<#list r.oldFiles as f>
- ${code(f.path)}: replaced by ${cell(f.replacedBy)}
</#list>
</#if>
<#if r.humans?size gt 0>

## Needs a human

<#list r.humans as h>
- ${code(h.file)}: ${cell(h.what)}
</#list>
</#if>
