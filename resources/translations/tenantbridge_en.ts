<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>LogFileImport</name>
    <message>
        <source>Nothing was imported from %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The import of %1 was cancelled; nothing was kept.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Set up and watch Microsoft Entra ID cross-tenant synchronization between two tenants.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log each Graph and sign-in call (method, path, status, request id).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TenantBridge could not start again on profile “%1”. Start it yourself with --profile %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tb::ConnectionSettings</name>
    <message>
        <source>The client id is the application (client) ID of an app registration: a GUID.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the sandbox&apos;s address, for example http://127.0.0.1:8400 (http only on this computer).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cloud is one of auto, global, usgov, usgov-dod or china.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Both hosts need an https address (http only on this computer), for example https://login.microsoftonline.com and https://graph.microsoft.com.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tb::ProfileName</name>
    <message>
        <source>A profile name is 1 to 64 letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;, not &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tb::Workspace</name>
    <message>
        <source>The sandbox at %1 did not answer: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Microsoft Entra ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sandbox (built in) at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sandbox at %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tb::logs::LogFileExport</name>
    <message>
        <source>Nothing was exported to %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The export to %1 was cancelled; no file was written.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tb::logs::LogSync</name>
    <message>
        <source>Where the fetch stopped could not be saved, so the next fetch reads from an earlier point again (nothing is stored twice): %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tb::model::TenantReference</name>
    <message>
        <source>Type the tenant&apos;s ID or one of its verified domains, for example contoso.onmicrosoft.com.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The tenant ID cannot be all zeros. Copy it from the tenant&apos;s overview in the Entra admin center.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; looks like an account, not a tenant. Type only the part after the @, for example contoso.onmicrosoft.com.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is neither a tenant ID (a GUID such as 6f1c2a3e-0c5b-4d2a-9a41-1c0a7e5b2c01) nor a domain name such as contoso.onmicrosoft.com.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tb::setup::PlanRunner</name>
    <message>
        <source>The journal could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The journal has no setup run %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The setup run %1 has already ended; there is nothing to resume.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The setup run %1 was for another pair of tenants.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resumed after an interruption: reading both tenants again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Setup was cancelled before anything more was sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looking for the configuration &quot;%1&quot; the interrupted run was creating…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled while waiting to send this step.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Setup was cancelled after %1 of %2 steps; nothing more was sent. Apply the plan again to finish it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Setup of %1 to %2 is complete: %3 steps sent, %4 already as desired.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Already as desired: nothing to send.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done before the interruption: the tenant already has this change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This step needs %1 from an earlier step, which did not provide it. Read both tenants again and apply the plan again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The configuration was created but Microsoft Graph&apos;s answer did not name its service principal. Read both tenants again and apply the plan again; it will not be created twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created the configuration &quot;%1&quot; (service principal %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created the synchronization job %1 (paused until you start it).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Already there (someone created it meanwhile): %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTTP %1: the policy is not in the state that was read; sending the other request instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for the new configuration to appear (%1 s)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection test failed because %1 does not yet see the access settings this run turned on (AzureDirectoryB2BManagementPolicyCheckFailure). Changes can take a few minutes to apply: apply the plan again shortly.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection test failed (AzureDirectoryB2BManagementPolicyCheckFailure) because these access settings are off: %1. Tick them and apply the plan again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be done in %2. %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The journal could not be written, so nothing was sent: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tb::setup::SetupStateReader</name>
    <message>
        <source>Reading the state of %1 and %2 was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The read was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not list the cross-tenant synchronization configurations of %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the cross-tenant access settings of %1 for partner %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the synchronization job of the configuration &quot;%1&quot; in %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tb::setup::UserListing</name>
    <message>
        <source>The listing was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tb::sync::JobMonitor</name>
    <message>
        <source>The connection to the source tenant was closed; sign in again to watch the synchronization job.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the synchronization job: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>restart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no synchronization job to %1 yet; apply the setup first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another command to the synchronization job is still under way; wait for it to finish.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection to the source tenant was closed; nothing was sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not %1 the synchronization job: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tb::sync::TestSync</name>
    <message>
        <source>The test sync could not be recorded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The job&apos;s schema has no user rule to provision on demand with.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The job&apos;s schema could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The configuration&apos;s service principal could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The configuration&apos;s service principal has no msiam_access role to assign users with.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The user could not be assigned to the configuration: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The test sync was cancelled before this user. The assignment it added stays; the next sync cycle will provision the user unless you remove it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The test sync was cancelled before this user.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The preview does not name the source user.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The preview could not read the source user: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provisioning on demand failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service provisioned the user, but reading it back from the target failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (cancelled)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tb::sync::Trace</name>
    <message>
        <source>The source user %1 could not be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The synchronization job could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the answer is not a job.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tb::ui::AboutDialog</name>
    <message>
        <source>&amp;Copy to clipboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set up and watch Microsoft Entra ID cross-tenant synchronization between two tenants.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copies these facts as plain text, for a bug report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (built with %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>QtKeychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (at build time)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SQLite</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operating system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kernel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU architecture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Licence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied. Paste it into a bug report.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tb::ui::AccountCard</name>
    <message>
        <source>source tenant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>target tenant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sign in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source tenant — users are copied from here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target tenant — users are copied into here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ID or domain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tenant ID or verified domain, e.g. contoso.onmicrosoft.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cloud of the %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account of the %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name and ID of the %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tenant:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cloud:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>—</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looking up…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown cloud (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · region %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> — cross-tenant synchronization is not available in this cloud</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not signed in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the saved session…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looking up the tenant…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for the sign-in in the browser…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — the session has ended; sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sign in again…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tb::ui::AppTheme</name>
    <message>
        <source>&amp;Desktop&apos;s own</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>D&amp;ark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;High contrast</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tb::ui::CleanupDialog</name>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the &amp;assignments…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clean up what sync created in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What synchronization created in %1 for %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleting a configuration leaves the users it provisioned in the target. This lists the users of %1 that the configuration “%2” created or took over, as its provisioning logs show. Removing the configuration&apos;s assignments makes the synchronization service delete them on its next cycle.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Users in %1 that synchronization created or took over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How it got there</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the list again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the configuration&apos;s assignments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel reading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>B2B user from %1, not proven to be from sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created by sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Taken over: an existing B2B guest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Taken over, or created over 30 days ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n of these user(s) were B2B guests in %1 before sync took them over; they are deleted as well, not handed back as they were.</source>
        <translation>
            <numerusform>%n of these users was a B2B guest in %1 before sync took it over; it is deleted as well, not handed back as it was.</numerusform>
            <numerusform>%n of these users were B2B guests in %1 before sync took them over; they are deleted as well, not handed back as they were.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The %n B2B user(s) from the source&apos;s domains that are not proven to be from this configuration are not touched.</source>
        <translation>
            <numerusform>The %n B2B user from the source&apos;s domains that is not proven to be from this configuration is not touched.</numerusform>
            <numerusform>The %n B2B users from the source&apos;s domains that are not proven to be from this configuration are not touched.</numerusform>
        </translation>
    </message>
    <message>
        <source>Sign in to both tenants on the Connect page first; the clean-up reads the source and the target.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no cross-tenant synchronization configuration with a job for %2, so there is nothing it created to list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the provisioning logs…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The list could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted: no longer in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Guest in %1; not removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Member in %1; not removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not be checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Guest in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Member in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>object id %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last successful %1 on %2; source user %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the assignments</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Remove %n assignment(s)</source>
        <translation>
            <numerusform>Remove %n assignment</numerusform>
            <numerusform>Remove %n assignments</numerusform>
        </translation>
    </message>
    <message>
        <source>Not removed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n assignment(s) could not be removed; they are listed below. Try again to remove them.</source>
        <translation>
            <numerusform>%n assignment could not be removed; it is listed below. Try again to remove it.</numerusform>
            <numerusform>%n assignments could not be removed; they are listed below. Try again to remove them.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Removing %n assignment(s) in batches of %1…</source>
        <translation>
            <numerusform>Removing %n assignment in batches of %1…</numerusform>
            <numerusform>Removing %n assignments in batches of %1…</numerusform>
        </translation>
    </message>
    <message>
        <source>The removal could not be started; nothing was removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled; the list shows what was read before.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A removal under way finishes its batches.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The configuration has no assignments; there is nothing to remove.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n user(s) in %1 that this configuration created or took over (its provisioning logs prove it), %2 of them deleted already.</source>
        <translation>
            <numerusform>%n user in %1 that this configuration created or took over (its provisioning logs prove it), %2 of them deleted already.</numerusform>
            <numerusform>%n users in %1 that this configuration created or took over (its provisioning logs prove it), %2 of them deleted already.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n B2B user(s) from %1&apos;s domains not proven to be from it.</source>
        <translation>
            <numerusform>%n B2B user from %1&apos;s domains not proven to be from it.</numerusform>
            <numerusform>%n B2B users from %1&apos;s domains not proven to be from it.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n assignment(s) of the configuration.</source>
        <translation>
            <numerusform>%n assignment of the configuration.</numerusform>
            <numerusform>%n assignments of the configuration.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Remove the %n assignment(s) of “%1” (%2), so that %3?</source>
        <translation>
            <numerusform>Remove the %n assignment of “%1” (%2), so that %3?</numerusform>
            <numerusform>Remove the %n assignments of “%1” (%2), so that %3?</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, %2</source>
        <comment>users, groups</comment>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n user(s)</source>
        <translation>
            <numerusform>%n user</numerusform>
            <numerusform>%n users</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n group(s)</source>
        <translation>
            <numerusform>%n group</numerusform>
            <numerusform>%n groups</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n user(s) are deleted in %1</source>
        <translation>
            <numerusform>%n user is deleted in %1</numerusform>
            <numerusform>%n users are deleted in %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Removed %1 of %n assignment(s) in %2 (journal run %3).</source>
        <translation>
            <numerusform>Removed %1 of %n assignment in %2 (journal run %3).</numerusform>
            <numerusform>Removed %1 of %n assignments in %2 (journal run %3).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n batch(es)</source>
        <translation>
            <numerusform>%n batch</numerusform>
            <numerusform>%n batches</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>On its next cycle the synchronization service deletes the %n user(s) this configuration provisioned in %1; keep %1&apos;s inbound synchronization allowed until it has. Refresh after the cycle to see them marked deleted.</source>
        <translation>
            <numerusform>On its next cycle the synchronization service deletes the %n user this configuration provisioned in %1; keep %1&apos;s inbound synchronization allowed until it has. Refresh after the cycle to see it marked deleted.</numerusform>
            <numerusform>On its next cycle the synchronization service deletes the %n users this configuration provisioned in %1; keep %1&apos;s inbound synchronization allowed until it has. Refresh after the cycle to see them marked deleted.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tb::ui::ConnectPage</name>
    <message>
        <source>&lt;h2&gt;Connect to both tenants&lt;/h2&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cross-tenant synchronization copies users from the source tenant into the target tenant. Type each tenant&apos;s ID or one of its verified domains: TenantBridge shows the cloud it lives in, then you sign in with a code in your browser. Use an account that may change cross-tenant access settings in each tenant (for example Security Administrator); the next pages say which roles each step needs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>copies users into</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection &amp;settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the sandbox, a Microsoft cloud or private hosts, and the client id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are using the built-in sandbox: sample tenants that live only on this computer. Its sign-in page approves each code as the tenant&apos;s administrator after a few seconds. To use your own tenants, start TenantBridge with --cloud, or choose a cloud in Connection settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are using the sandbox at %1: its tenants are emulated.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tb::ui::ConnectionSettingsDialog</name>
    <message>
        <source>Connection settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Built-in sandbox (sample tenants on this computer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A running sandbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Microsoft Entra ID (real tenants)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom login and Graph hosts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Found from each tenant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Global (commercial, GCC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>US Government (GCC High)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>US Government DoD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>China (21Vianet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tenants:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;loud:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sandbox address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lo&amp;gin host:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Graph host:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Client id:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The client id is the application (client) ID of a public client app registration with &quot;Allow public client flows&quot; on; empty uses Microsoft Graph Command Line Tools. http is allowed only for addresses on this computer. Changes take effect when TenantBridge starts again; command-line options win over these settings.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tb::ui::DesktopNotifier</name>
    <message>
        <source>There is no session bus to send a desktop notification on.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tb::ui::DeviceCodeDialog</name>
    <message>
        <source>&amp;Copy code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Try again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in to the %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Sign in to the %1 %2&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asking the sign-in service for a code…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the code to the clipboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the sign-in page in your browser and copy the code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting again…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1. On this or any other device, open this page in a browser:&lt;br&gt;&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;2. Enter the code below, then sign in with an administrator account of this tenant.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for you to finish in the browser…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The code has expired.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The code expires in %1:%2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The code is on the clipboard. Waiting for you to finish in the browser…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No browser could be opened here. Open %1 on any device and enter the code.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tb::ui::DirectoryPage</name>
    <message>
        <source>&amp;Show users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tenants</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Users of the selected tenant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name, mail or sign-in name starts with…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group name, e.g. CTS Pilot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only members of this group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Group:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tenants</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not connected. Restart TenantBridge to connect again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading users of %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not list the users of %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no group named &quot;%2&quot;. Check the spelling, or clear the group box to see all users.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No user of %1 matches.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n user(s) of %1.</source>
        <translation>
            <numerusform>%n user of %1.</numerusform>
            <numerusform>%n users of %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Showing the first %Ln user(s) of %1; narrow the search to see others.</source>
        <translation>
            <numerusform>Showing the first %Ln user of %1; narrow the search to see others.</numerusform>
            <numerusform>Showing the first %Ln users of %1; narrow the search to see others.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tb::ui::DirectoryUserModel</name>
    <message>
        <source>%1
Object ID %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>B2B %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>guest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entra ID P1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User principal name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Department</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Licence</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tb::ui::GettingStartedPanel</name>
    <message>
        <source>Connect &amp;your own tenants…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Getting started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a Microsoft cloud and your client id in Connection settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide the guide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Help &gt; Getting started shows it again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;These are sample tenants&lt;/b&gt; of the built-in sandbox; nothing you do here reaches Microsoft. Try the whole setup on them, then connect your own tenants.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Getting started&lt;/b&gt;: set up cross-tenant synchronization in six steps.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in to the source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in to the target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the topology</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run preflight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply the plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test with a few users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to do</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step %1 of %2, %3: %4</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tb::ui::JobHealthPanel</name>
    <message>
        <source>Synchronization job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quarantine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;tart…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pa&amp;use…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;start…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the job: resumes a paused job and clears a quarantine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop provisioning and keep all progress; a running cycle still finishes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Like the portal&apos;s Restart provisioning: re-evaluate every user, retry failed ones, lift the quarantine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last cycle:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last success:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last changes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Steady state:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In the target:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No synchronization job yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply the setup to create the configuration and its job.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>running since %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ended %1 after %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ended %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, succeeded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, some users failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> — nothing had changed in the source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error: %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — a cycle is running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job state: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) written to %1 in the cycle that ended %2</source>
        <translation>
            <numerusform>%n change written to %1 in the cycle that ended %2</numerusform>
            <numerusform>%n changes written to %1 in the cycle that ended %2</numerusform>
        </translation>
    </message>
    <message>
        <source>the target tenant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reached %1 (first %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not reached yet: the first full cycle has not finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n user(s) kept in sync</source>
        <translation>
            <numerusform>%n user kept in sync</numerusform>
            <numerusform>%n users kept in sync</numerusform>
        </translation>
    </message>
    <message>
        <source>Reason: %1 (%2). %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error: %1 (%2). %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service says: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What to do: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>quarantined since %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>next attempt %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>quarantine %1 in a row since %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this configuration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start synchronization of “%1” into %2?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Users in scope will be created or updated in %1 as B2B members on the next cycle. A paused job resumes where it stopped; a quarantine is cleared.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause synchronization of “%1” into %2?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No more users are provisioned until the job is started again; everything it has learnt is kept. A cycle that is running finishes first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restart synchronization of “%1” into %2?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The next cycle re-evaluates every user in scope instead of only the changes, retries users that failed and lifts a quarantine (reset scope: Watermark, Escrows, QuarantineState). It can take as long as the first cycle did.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending the command to the job…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The job accepted the command; reading it again…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source> — %1 read, %2 in scope, %3 of %Ln change(s) written, %4 failed and waiting for a retry</source>
        <translation>
            <numerusform> — %1 read, %2 in scope, %3 of %Ln change written, %4 failed and waiting for a retry</numerusform>
            <numerusform> — %1 read, %2 in scope, %3 of %Ln changes written, %4 failed and waiting for a retry</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tb::ui::LogRecordDetail</name>
    <message>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scoping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matching</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Processing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reference resolution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Modified properties</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cycle id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a record to see the steps the provisioning service went through, the properties it changed and, for a failure, what the error means and what to do.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Steps of the provisioning service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What happened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Properties changed, old and new value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Property</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Old value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>→ New value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ids (to quote in a support case)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cycle:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; · %2 · %3&lt;br&gt;%4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What to do: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service said: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tb::ui::LogTableModel</name>
    <message>
        <source>Success</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Update</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Staged delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tb::ui::MainWindow</name>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: not signed in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 · %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (sign in again)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TenantBridge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Topology</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rollout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync logs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Directory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TenantBridge — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Troubleshooting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test sync finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rollout stage %1 “%2”: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The plan was applied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applying the plan stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Both tenants were read again; the Topology page shows what they have now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Topology page says which step stopped and what to do.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Connection settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Profiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Page list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Colours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Getting started guide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Troubleshooting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About TenantBridge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New profile…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restart TenantBridge?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new connection settings apply from the next start. Restart TenantBridge now? Sign-ins you keep in the keychain stay.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A profile keeps its own tenant pair, sign-ins, connection settings and data.
Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TenantBridge compared each tested user with the preview; the Test users page shows the outcome.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>applying the plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a preview or test sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a rollout stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fetching, importing or exporting logs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop what is running?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TenantBridge is still busy with %1. Starting again stops it: an apply is offered for resuming from its journal, a rollout continues from its saved plan, anything else must be started again. Start again now?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TenantBridge — %1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tb::ui::MessageBanner</name>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tb::ui::PairConfigurationReader</name>
    <message>
        <source>Finding the configuration of %1 and %2…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in to the source and the target tenant on the Connect page first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no cross-tenant synchronization configuration with a job for %1 and %2 yet: create it on the Topology page (Apply), then come back to %3.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tb::ui::RolloutFailureTree</name>
    <message>
        <source>Error, what it means and what to do, and the users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed users of the stage, grouped by error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no error code)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n user(s)</source>
        <translation>
            <numerusform>%n user</numerusform>
            <numerusform>%n users</numerusform>
        </translation>
    </message>
    <message>
        <source>%1. %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What to do: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tb::ui::RolloutPage</name>
    <message>
        <source>Planned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assigning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Watching</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (user)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move &amp;down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Estimate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run &amp;next stage…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;sume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo stage…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rollout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bring users into scope in stages: a pilot group first, then wider groups. Each stage is assigned to the configuration and watched through a synchronization cycle; the job pauses itself when too many of the stage&apos;s users fail.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rollout stages, in order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Groups and users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New in target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Without P1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Users with no account in the target yet: sync creates them, and each counts toward the target&apos;s External ID monthly active users.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Users without a Microsoft Entra ID P1 or P2 licence in the source.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name, for example Pilot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New stage&apos;s name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Groups by exact name, users by sign-in name; separate with ;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New stage&apos;s groups and users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the selected stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the selected stage up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the selected stage down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error threshold in percent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo the selected stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Users of the current stage processed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New &amp;stage:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause &amp;above:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>of a stage&apos;s processed users failing (and at least %1 of them)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;lean up…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clean up what synchronization created in the target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lists the users this configuration created or took over in the target, and can remove its assignments so that the service deletes them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>clean up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A stage is under way; clean up once it has finished or is paused.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>plan the rollout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the rollout from the profile: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage %1 “%2”: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not keep the rollout in the profile: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A stage needs a name and at least one group or user of the source.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is a stage called “%1” already; pick another name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in to the source tenant on the Connect page first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looking up “%1” in %2…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no user “%2”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no group with the id %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no group called “%2”; type the group&apos;s exact display name, or a user&apos;s sign-in name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 groups in %2 are called “%3”; name the one you mean by its object id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Estimated from what %1 and %2 hold now; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Estimating: reading the assignments, the groups&apos; members and the users of %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>It brings %n user(s) into the configuration&apos;s scope: %1 of them new in %2, where sync creates them and each counts toward its External ID monthly active users; %3 without a Microsoft Entra ID P1 licence in the source.</source>
        <translation>
            <numerusform>It brings %n user into the configuration&apos;s scope: %1 of them new in %2, where sync creates them and each counts toward its External ID monthly active users; %3 without a Microsoft Entra ID P1 licence in the source.</numerusform>
            <numerusform>It brings %n users into the configuration&apos;s scope: %1 of them new in %2, where sync creates them and each counts toward its External ID monthly active users; %3 without a Microsoft Entra ID P1 licence in the source.</numerusform>
        </translation>
    </message>
    <message>
        <source>It has not been estimated yet: the counts are worked out right before the assignments are sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1

The stage&apos;s groups and users are assigned to “%2”, the job is started if it is paused, and the stage is watched through a cycle; it pauses itself when more than %3 of its processed users fail.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run stage %1 “%2” into %3 now?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run stage %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo stage %1 “%2”?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo stage %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2, %3 failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This stage has run: it can be undone but not changed. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No stages yet: add the first one above, for example a pilot group.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No stage has run yet. Estimate, then run the first stage.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage %1 of %2, “%3” — %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continue stage %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Stage %1 “%2”: assigning, %3 of %n group(s) and user(s) assigned.</source>
        <translation>
            <numerusform>Stage %1 “%2”: assigning, %3 of %n group or user assigned.</numerusform>
            <numerusform>Stage %1 “%2”: assigning, %3 of %n groups and users assigned.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %Ln user(s) processed</source>
        <translation>
            <numerusform>%1 of %Ln user processed</numerusform>
            <numerusform>%1 of %Ln users processed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Error rate %1 (%2 of %3 processed failed); pauses above %4 with at least %n failure(s).</source>
        <translation>
            <numerusform>Error rate %1 (%2 of %3 processed failed); pauses above %4 with at least %n failure.</numerusform>
            <numerusform>Error rate %1 (%2 of %3 processed failed); pauses above %4 with at least %n failures.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tb::ui::SchemaChangeDialog</name>
    <message>
        <source>“Filter external users” is the service&apos;s own scoping group: its clause alternativeSecurityIds EQUALS None keeps the source&apos;s guests and other external users out of cross-tenant synchronization, and the service requires it. It cannot be removed or changed here; you can add clauses to it to narrow the scope.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Would be created in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Would be updated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave scope: soft-deleted in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Come into scope: the existing user in %1 is taken over and updated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave scope before being created: no longer created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Out of scope with the edits: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In scope with the edits: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(default value &quot;%1&quot;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add &amp;group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add c&amp;lause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source &amp;attribute:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;onstant:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;pply to mapping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove &amp;mapping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load schema &amp;file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;vert edits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Check impact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save to the job…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scope and mappings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change who is synchronized from %1 to %2 (the scoping filter) and what is written (the attribute mappings) of “%3”. Check impact lists the users whose outcome would change and writes nothing; only Save to the job changes the configuration.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scoping filter: groups and their clauses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a scoping group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A user is in scope when every clause of some group is true (and the service&apos;s own group “Filter external users” is true).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a clause to the selected group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the selected group or clause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A group is true when all its clauses are; a user is in scope when any group is. Double-click a name, attribute or value to edit it; several values: separate them with “; ”. Values are compared case-sensitively.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attribute mappings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source attribute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Constant value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The attribute is then no longer written by synchronization; values already in the target stay.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not checked yet: edit the scope or the mappings, then Check impact.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Impact check in progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Users whose outcome changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Impact of the edits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare with an edited schema JSON, as &apos;tenantbridge-cli schema get&apos; writes it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the job&apos;s schema as it is now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evaluates the assigned users under the job&apos;s schema and under the edits. Reads only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offered once Check impact has run on exactly the current edits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load schema file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schema JSON (*.json);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The configuration&apos;s job is not known, or the source is not signed in: open the topology page first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the job&apos;s schema…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The job&apos;s schema could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it has no enabled user mapping.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a schema JSON object (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be compared: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comparing with %1. Check impact to see whom it changes; edits in the form apply on top of it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job schema version %1, user mapping “%2”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proposed: the schema file %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attribute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Double-click to rename the group.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>required by the service</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n clause(s), all must be true</source>
        <translation>
            <numerusform>%n clause, all must be true</numerusform>
            <numerusform>%n clauses, all must be true</numerusform>
        </translation>
    </message>
    <message>
        <source>where</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>and</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attribute of clause %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value of clause %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Several values: separate them with “; ”. A positive operator is true when any value matches.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operator of clause %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target attribute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply this mapping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matching (the service&apos;s own)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only on create</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>always</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed in this form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick a mapping to change its source.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is the service&apos;s matching mapping (AltSecIdFromNetId): changing or removing it makes the service refuse the schema (schemaInvalid).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a function expression, shown read-only here. To change it, save the schema with &apos;tenantbridge-cli schema get --output FILE&apos;, edit the file, and compare it with Load schema file… (or &apos;tenantbridge-cli impact --schema FILE&apos;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writes %1 of each user in %2 %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only when synchronization creates the user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>on every change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name the source attribute first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every scoping group needs a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A clause of “%1” names no attribute.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” in “%2” is not a scoping operator the service knows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The clause “%1 %2” of “%3” needs a value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The edits changed since the last check: Check impact again before saving.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The impact check could not start: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the assigned users…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Impact check cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n user(s) leave scope and are soft-deleted in %1</source>
        <translation>
            <numerusform>%n user leaves scope and is soft-deleted in %1</numerusform>
            <numerusform>%n users leave scope and are soft-deleted in %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n created</source>
        <translation>
            <numerusform>%n created</numerusform>
            <numerusform>%n created</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n updated</source>
        <translation>
            <numerusform>%n updated</numerusform>
            <numerusform>%n updated</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n taken over</source>
        <translation>
            <numerusform>%n taken over</numerusform>
            <numerusform>%n taken over</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n no longer created</source>
        <translation>
            <numerusform>%n no longer created</numerusform>
            <numerusform>%n no longer created</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n assigned user(s) evaluated under both schemas; nothing was written.</source>
        <translation>
            <numerusform>%n assigned user evaluated under both schemas; nothing was written.</numerusform>
            <numerusform>%n assigned users evaluated under both schemas; nothing was written.</numerusform>
        </translation>
    </message>
    <message>
        <source>Only the first %1 of %2 assigned users were evaluated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 → %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No assigned user&apos;s outcome changes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n user(s) leave scope: the service soft-deletes them in %1 on its next cycle.</source>
        <translation>
            <numerusform>%n user leaves scope: the service soft-deletes it in %1 on its next cycle.</numerusform>
            <numerusform>%n users leave scope: the service soft-deletes them in %1 on its next cycle.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n user(s) would be created in %1.</source>
        <translation>
            <numerusform>%n user would be created in %1.</numerusform>
            <numerusform>%n users would be created in %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n user(s) would be updated in %1.</source>
        <translation>
            <numerusform>%n user would be updated in %1.</numerusform>
            <numerusform>%n users would be updated in %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n user(s) would no longer be created.</source>
        <translation>
            <numerusform>%n user would no longer be created.</numerusform>
            <numerusform>%n users would no longer be created.</numerusform>
        </translation>
    </message>
    <message>
        <source>The job&apos;s next cycle evaluates every user again with the saved schema.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save to the job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the changed scope and mappings to the job of “%1”?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving the schema to the job…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The job did not take the schema; nothing changed. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved, but the source is no longer signed in to read the schema back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved; reading the schema back…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved, but the schema could not be read back: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved. Edit again and Check impact to compare with the saved schema.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved: the job&apos;s schema is now version %1 (was %2). The service applies it on its next cycle.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a group or a clause to remove it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the selected clause (a group left empty goes too).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the selected group with its clauses.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tb::ui::SettingStatusStyle</name>
    <message>
        <source>Applied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pending change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not read yet</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tb::ui::StateLegend</name>
    <message>
        <source>Legend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Legend:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tb::ui::StepRequestDialog</name>
    <message>
        <source>Request of this step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If the tenant answers that this does not fit what it has, TenantBridge sends instead:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is filled in with the value the step it depends on returns.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tb::ui::SyncLogsPage</name>
    <message>
        <source>Imported: %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fetched logs of job %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fetched from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;lear filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Fetch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync logs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No logs stored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From (local time)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Until (local time)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search names, sign-in names, error text…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cycle id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source user: name, sign-in name or id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reads the job&apos;s new provisioning logs from the source tenant into the profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reads a JSON or CSV file downloaded from the Entra admin center.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writes the records of the current filters to a CSV or JSON file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provisioning log records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records per error code; double-click to list them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What it is</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By &amp;error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Logs:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the logs: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the stored logs: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the source tenant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No logs stored yet: Fetch reads them from %1. Import… reads a file downloaded from the Entra admin center.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No logs stored yet. Once the pair has a synchronization job (Topology page), Fetch reads its logs from %1; Import… reads a file downloaded from the Entra admin center, without any sign-in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These logs have no records yet: Fetch reads them from %1 after a synchronization cycle.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No records match these filters. Widen the time range or Clear filters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the record: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not count the errors: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(not in the catalogue)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No errors among these records.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs both tenants signed in and the pair&apos;s synchronization job.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>read its logs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No new records in the logs of %1 since the last Fetch.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fetching from %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import provisioning logs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provisioning logs (*.json *.csv);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the records shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV (*.csv);;JSON (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import cancelled; nothing was imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export cancelled; %1 was not written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting to %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fetch cancelled; what was read is kept and the next Fetch goes on from there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln record(s)</source>
        <translation>
            <numerusform>%Ln record</numerusform>
            <numerusform>%Ln records</numerusform>
        </translation>
    </message>
    <message>
        <source>Fetching from %1: %2, %3, %4 new</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln page(s)</source>
        <translation>
            <numerusform>%Ln page</numerusform>
            <numerusform>%Ln pages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Fetched %Ln new record(s) from %1.</source>
        <translation>
            <numerusform>Fetched %Ln new record from %1.</numerusform>
            <numerusform>Fetched %Ln new records from %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Importing: %Ln record(s)</source>
        <translation>
            <numerusform>Importing: %Ln record</numerusform>
            <numerusform>Importing: %Ln records</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %Ln record(s) from %1.</source>
        <translation>
            <numerusform>Imported %Ln record from %1.</numerusform>
            <numerusform>Imported %Ln records from %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exporting: %1 of %Ln record(s)</source>
        <translation>
            <numerusform>Exporting: %1 of %Ln record</numerusform>
            <numerusform>Exporting: %1 of %Ln records</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln record(s) to %1.</source>
        <translation>
            <numerusform>Exported %Ln record to %1.</numerusform>
            <numerusform>Exported %Ln records to %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tb::ui::SynchronizationBox</name>
    <message>
        <source>Cross-tenant synchronization</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Configuration: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>status not known</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job: none yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Configuration: none yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Configuration: none yet (would be &quot;%1&quot;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n other configuration(s) in the source, left as they are.</source>
        <translation>
            <numerusform>%n other configuration in the source, left as it is.</numerusform>
            <numerusform>%n other configurations in the source, left as they are.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tb::ui::TenantBox</name>
    <message>
        <source>Source tenant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target tenant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outbound access settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inbound access settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Domain not known yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cloud not known yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cloud</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the other tenant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>for users going to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>for users coming from %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tb::ui::TenantListModel</name>
    <message>
        <source>%1
%2 · %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
Tenant ID %2
Cloud: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tenant %1, %2, %3 cloud</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tb::ui::TestSyncHistoryList</name>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As predicted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Differs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attributes your target needs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Earlier test syncs, newest first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (cut short)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none named</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all arrived (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>missing for %n user(s) (%1)</source>
        <translation>
            <numerusform>missing for %n user (%1)</numerusform>
            <numerusform>missing for %n users (%1)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tb::ui::TestUsersPage</name>
    <message>
        <source>Add &amp;matching users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add &amp;group members</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import list…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Test sync…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List a few users of the source tenant. Preview shows what synchronization would do to each of them and changes nothing; Test sync then synchronizes just these users and compares what arrived in the target with the preview.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One sign-in name or object id per line, for example
adele.vance@contoso.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test users, one per line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name to search, or a group&apos;s exact name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search text or group name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attributes your target needs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The test sync says for each user whether every one of these arrived with a value. Kept with this profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview: one row per test user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Users:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Attributes your target needs:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sc&amp;ope and mappings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit the job&apos;s scoping filter and attribute mappings and see whose outcome changes before anything is saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>scope and mappings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The test syncs run before, kept with this profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Back to the current list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Why not synced?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why is the selected user not synced?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Walks assignment, scoping, licence, matching, the job and the latest provisioning logs for the selected user, and names what stops them, with the fix.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import test users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lists and CSV files (*.txt *.csv);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>test users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %1 of %2 is not a sign-in name or object id: “%3”. Nothing was imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Imported %n user(s) from %1.</source>
        <translation>
            <numerusform>Imported %n user from %1.</numerusform>
            <numerusform>Imported %n users from %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>The source has no group named “%1”; type the group&apos;s exact display name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No user matches “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Added %n user(s) to the list.</source>
        <translation>
            <numerusform>Added %n user to the list.</numerusform>
            <numerusform>Added %n users to the list.</numerusform>
        </translation>
    </message>
    <message>
        <source>Reading the members of “%1”…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Searching the source for “%1”…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview, nothing changed: %1 would be created, %2 updated, %3 skipped; %4 without an Entra ID P1 licence.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Reading the schema and %n user(s)…</source>
        <translation>
            <numerusform>Reading the schema and %n user…</numerusform>
            <numerusform>Reading the schema and %n users…</numerusform>
        </translation>
    </message>
    <message>
        <source>Test sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Synchronize %n user(s) into %1 now?</source>
        <translation>
            <numerusform>Synchronize %n user into %1 now?</numerusform>
            <numerusform>Synchronize %n users into %1 now?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Synchronize %n user(s)</source>
        <translation>
            <numerusform>Synchronize %n user</numerusform>
            <numerusform>Synchronize %n users</numerusform>
        </translation>
    </message>
    <message>
        <source>Test sync: %1 of %2 done, now %3…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling after the users under way…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>trace a user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why not synced?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in name or object id of the user in %1:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The earlier test syncs could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That test sync could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not keep the attributes with the profile: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Previewed %1 of %n user(s)…</source>
        <translation>
            <numerusform>Previewed %1 of %n user…</numerusform>
            <numerusform>Previewed %1 of %n users…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This writes to the target tenant: %n user(s) will be created there and the others updated.</source>
        <translation>
            <numerusform>This writes to the target tenant: %n user will be created there and the others updated.</numerusform>
            <numerusform>This writes to the target tenant: %n users will be created there and the others updated.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n user(s) will be assigned to the configuration first and stay assigned, so later cycles keep them in sync. Users the preview skips are left out.</source>
        <translation>
            <numerusform>%n user will be assigned to the configuration first and stay assigned, so later cycles keep them in sync. Users the preview skips are left out.</numerusform>
            <numerusform>%n users will be assigned to the configuration first and stay assigned, so later cycles keep them in sync. Users the preview skips are left out.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Test sync finished: %1 as predicted, %2 different from the preview, %3 failed; %n user(s) lack an attribute your target needs. Pick a user for the details.</source>
        <translation>
            <numerusform>Test sync finished: %1 as predicted, %2 different from the preview, %3 failed; %n user lacks an attribute your target needs. Pick a user for the details.</numerusform>
            <numerusform>Test sync finished: %1 as predicted, %2 different from the preview, %3 failed; %n users lack an attribute your target needs. Pick a user for the details.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Earlier test sync of %1, read-only: %n user(s), %2 as predicted, %3 different from the preview, %4 failed. Back to the current list returns to the users above.</source>
        <translation>
            <numerusform>Earlier test sync of %1, read-only: %n user, %2 as predicted, %3 different from the preview, %4 failed. Back to the current list returns to the users above.</numerusform>
            <numerusform>Earlier test sync of %1, read-only: %n users, %2 as predicted, %3 different from the preview, %4 failed. Back to the current list returns to the users above.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tb::ui::TopologyDiagram</name>
    <message>
        <source>outbound</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>inbound</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tb::ui::TopologyPage</name>
    <message>
        <source>Passes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blocks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run &amp;preflight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Grant setup permissions…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Apply…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read both tenants&apos; settings again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check roles, permissions, licences, clouds and existing guests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in again and consent to the permissions that setting up needs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h2&gt;Topology&lt;/h2&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick what cross-tenant synchronization should have. The colour of each setting says whether the tenant has it already; the plan lists the changes Apply makes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preflight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in to the source and the target tenant on the Connect page; this page then reads how both are set.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading %1 and %2…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The plan appears once both tenants have been read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to change: both tenants are set as ticked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) to make, in this order (target first).</source>
        <translation>
            <numerusform>%n change to make, in this order (target first).</numerusform>
            <numerusform>%n changes to make, in this order (target first).</numerusform>
        </translation>
    </message>
    <message>
        <source>Already done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show request…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the request of step %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking both tenants…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not run yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>preflight (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blocked: fix what is marked before applying.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No blocker; read the warnings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every check passes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fix: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Partners that %1 lets in&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>user sync in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>inbound auto-redemption</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>outbound auto-redemption</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> — the source of this pair</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A previous apply was interrupted (%1). Resume it to finish what is left; nothing is made twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A previous apply was interrupted at “%1” (%2). Resume it to finish what is left; nothing is made twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply the plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Apply %n change(s) to the source tenant %1 and the target tenant %2?</source>
        <translation>
            <numerusform>Apply %n change to the source tenant %1 and the target tenant %2?</numerusform>
            <numerusform>Apply %n changes to the source tenant %1 and the target tenant %2?</numerusform>
        </translation>
    </message>
    <message>
        <source>Source: %1 (%2)
Target: %3 (%4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preflight has not run: problems show only when a step fails.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Apply %n change(s)</source>
        <translation>
            <numerusform>Apply %n change</numerusform>
            <numerusform>Apply %n changes</numerusform>
        </translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopping after the current step…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step %1 of %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In progress…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The plan was applied. Both tenants are read again to show the result.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply was cancelled; the steps done so far stay done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A step failed; see the plan for which one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>source tenant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>target tenant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preflight blocks this pair: see the checks marked as blocking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make the changes of the plan, after a confirmation</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tb::ui::TopologyView</name>
    <message>
        <source>Lets the cross-tenant synchronization of %1 create and update users in %2 (inbound user sync in %2&apos;s cross-tenant access settings for %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Users from %1 arrive in %2 without a consent prompt. Synchronization needs it on both sides.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Users of %1 go to %2 without a consent prompt. Synchronization needs it on both sides.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creates the cross-tenant synchronization configuration in %1 (an application from the Microsoft gallery), tests its connection to %2, creates its job (paused until you start it) and saves its credentials.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Topology of the two tenants</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatically redeem invitations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source tenant, outbound: automatically redeem invitations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allow users sync into this tenant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target tenant, inbound: allow users sync into this tenant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target tenant, inbound: automatically redeem invitations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create the configuration and its job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the source tenant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the target tenant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When off: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not read yet: refresh to read both tenants.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applied: on in %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Off in %1, stays off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blocked: preflight does not allow this change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blocked: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pending: will be turned on in %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pending: will be turned off in %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applied: the configuration and its job exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TenantBridge never deletes a configuration; do that in the portal.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tb::ui::TraceDialog</name>
    <message>
        <source>Latest provisioning log records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trace &amp;again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why is %1 not synced?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trace of %1 from %2 to %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The checks below follow the order in which the synchronization service decides, for the configuration “%1”. The first one that stops the user is highlighted with its fix. Nothing is changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tracing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checks, in the order the service makes them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What was found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The user&apos;s latest provisioning log records, newest first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trace the user again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel the trace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pass</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pass, with a note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stops the user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in to both tenants on the Connect page first; the trace reads the source and the target.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no cross-tenant synchronization configuration with a job for %2 yet, so no user is synced. Set it up on the Topology page first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name the user to trace: a sign-in name or an object id of the source.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The trace could not be started.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading %1 in %2, the configuration&apos;s schema and job, the match in %3 and the provisioning logs…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trace cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped at “%1”: %2
Fix: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing stops this user: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stops the user first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the first check that stops the user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fix: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latest provisioning log records: none for %1 (the check above says whether they could be read).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latest provisioning log records of %1, newest first:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tb::ui::TroubleshootingPage</name>
    <message>
        <source>What the job states, quarantine reasons and error codes that the synchronization service reports mean, and what to do about them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search codes and explanations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No entry matches “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What it means</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing needs doing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What to do</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job states</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quarantine reasons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error codes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search the troubleshooting entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Codes and their titles</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tb::ui::UserPreviewDetail</name>
    <message>
        <source>Why sync would do this</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the test sync did</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attribute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In the target now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync would write</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After the test sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target attributes: now, predicted and after the test sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick a user in the table to see what sync would do to them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>soft-delete the user in the target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: sync would %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Licence: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entra ID P1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Licence: no Entra ID P1 (%1). Cross-tenant sync needs one for each synced user.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assigned to the configuration %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not assigned to the configuration (a test sync assigns the user).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In scope.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not in scope: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In the target: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>differs from the preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(a new value on each run)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test sync: %1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  [%1] %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tb::ui::UserPreviewModel</name>
    <message>
        <source>%1 &lt;%2&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no P1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in scope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>out: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>soft delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Licence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In the target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync would</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n problem(s))</source>
        <translation>
            <numerusform>%1 (%n problem)</numerusform>
            <numerusform>%1 (%n problems)</numerusform>
        </translation>
    </message>
</context>
</TS>
