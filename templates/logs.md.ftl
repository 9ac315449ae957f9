<#-- haraka-lint logs --format markdown: the section on its own. -->
<#include "logs-section.md.ftl">
