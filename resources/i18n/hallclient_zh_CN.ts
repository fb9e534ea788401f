<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>CrashDialog</name>
    <message>
        <source>HallClient — unexpected error</source>
        <translation>HallClient — 程序出错</translation>
    </message>
    <message>
        <source>Sorry, something went wrong in HallClient. Your last action may not have been completed; please check it.</source>
        <translation>抱歉，HallClient 出现了意外错误。刚才的操作可能没有完成，请核对一下。</translation>
    </message>
    <message>
        <source>The details were written to the log folder for support:
{folder}</source>
        <translation>详细信息已记录在日志文件夹中，可提供给技术支持：
{folder}</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Log in — HallClient</source>
        <translation>登录 — HallClient</translation>
    </message>
    <message>
        <source>HallClient gas service hall</source>
        <translation>HallClient 燃气营业厅客户端</translation>
    </message>
    <message>
        <source>Employee no.</source>
        <translation>工号</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>e.g. 1001</source>
        <translation>例如 1001</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Opening the database…</source>
        <translation>正在打开数据库…</translation>
    </message>
    <message>
        <source>Please enter your employee number and password.</source>
        <translation>请输入工号和密码。</translation>
    </message>
    <message>
        <source>This account is locked after too many failed attempts. Please try again after {time}.</source>
        <translation>该账户因多次登录失败已被锁定，请于 {time} 后再试。</translation>
    </message>
    <message>
        <source>This account is disabled. Please contact the administrator.</source>
        <translation>该账户已停用，请联系系统管理员。</translation>
    </message>
    <message>
        <source>Employee number or password is incorrect.</source>
        <translation>工号或密码不正确，请重新输入。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>HallClient — {workplace}</source>
        <translation>HallClient 燃气营业厅客户端 — {workplace}</translation>
    </message>
    <message>
        <source>&amp;System</source>
        <translation>系统(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Go to</source>
        <translation>转到(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Log out</source>
        <translation>退出登录(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出程序(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;About HallClient</source>
        <translation>关于 HallClient(&amp;A)</translation>
    </message>
    <message>
        <source>Counter: {workplace}</source>
        <translation>柜台：{workplace}</translation>
    </message>
    <message>
        <source>Database: {database}</source>
        <translation>数据库：{database}</translation>
    </message>
    <message>
        <source>Printer: not set up</source>
        <translation>打印机：未设置</translation>
    </message>
    <message>
        <source>Counter clerk</source>
        <translation>营业员</translation>
    </message>
    <message>
        <source>Shift manager</source>
        <translation>值班长</translation>
    </message>
    <message>
        <source>Department staff</source>
        <translation>承办部门人员</translation>
    </message>
    <message>
        <source>Auditor</source>
        <translation>稽查员</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>系统管理员</translation>
    </message>
    <message>
        <source>{name} · employee no. {number} · {role}</source>
        <translation>{name} · 工号 {number} · {role}</translation>
    </message>
    <message>
        <source>About HallClient</source>
        <translation>关于 HallClient</translation>
    </message>
    <message>
        <source>HallClient, counter software for the gas company&apos;s customer service hall.</source>
        <translation>HallClient：燃气公司客户服务营业厅的柜台业务软件。</translation>
    </message>
</context>
<context>
    <name>Pages</name>
    <message>
        <source>Intake</source>
        <translation>接待</translation>
    </message>
    <message>
        <source>Intake and queue</source>
        <translation>接待与叫号</translation>
    </message>
    <message>
        <source>Here you will call the next ticket, call a number again or mark it as not present, and register customers who come straight to the counter.</source>
        <translation>在这里叫下一号、重呼或标记过号，并登记未取号直接到柜台办理业务的客户。</translation>
    </message>
    <message>
        <source>The gas account is found as you type: by account number, meter number, phone, name, address or pinyin initials.</source>
        <translation>边输入边查找燃气用户：可按户号、表号、电话、姓名、地址或拼音首字母查询。</translation>
    </message>
    <message>
        <source>Fees</source>
        <translation>费用查询</translation>
    </message>
    <message>
        <source>Fee lookup</source>
        <translation>费用查询</translation>
    </message>
    <message>
        <source>Here you will look up any item of the approved tariff in force, by code, name or pinyin initials.</source>
        <translation>在这里按编码、名称或拼音首字母查询现行批复收费标准中的任一收费项目。</translation>
    </message>
    <message>
        <source>A calculator shows line by line how an amount is made up, including tiered residential gas prices.</source>
        <translation>计费器逐行列出金额的计算依据，包括居民阶梯气价。</translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>收费</translation>
    </message>
    <message>
        <source>Payments and receipts</source>
        <translation>收费与票据</translation>
    </message>
    <message>
        <source>Here you will charge tariff items and record cash, WeChat Pay, Alipay, UnionPay card or bank transfer, with the change to give back.</source>
        <translation>在这里按收费标准项目收费，登记现金、微信支付、支付宝、银联卡或银行转账，并计算找零。</translation>
    </message>
    <message>
        <source>Every payment prints a numbered receipt; reprints and voids are recorded and a void needs the shift manager.</source>
        <translation>每笔收费都打印带编号的票据；重打和作废均有记录，作废须经值班长批准。</translation>
    </message>
    <message>
        <source>Referrals</source>
        <translation>转办</translation>
    </message>
    <message>
        <source>Referrals to departments</source>
        <translation>转办承办部门</translation>
    </message>
    <message>
        <source>Here you will hand a matter the counter cannot settle to the department in charge, with a reference number, a due time and a printed slip.</source>
        <translation>柜台不能办结的事项，在这里转交承办部门：生成转办编号和办理时限，并打印转办单交给客户。</translation>
    </message>
    <message>
        <source>Each referral is followed until the department closes it with a result.</source>
        <translation>每件转办都跟踪到承办部门办结并反馈结果为止。</translation>
    </message>
    <message>
        <source>Shift</source>
        <translation>班次</translation>
    </message>
    <message>
        <source>Shift and reconciliation</source>
        <translation>班次与对账</translation>
    </message>
    <message>
        <source>Here you will open your shift with a counted float, record cash taken in or paid out, and close the shift with the cash counted.</source>
        <translation>在这里清点备用金后开班，登记现金收入和支出，交班时清点现金并结班。</translation>
    </message>
    <message>
        <source>The shift manager approves differences and prints the shift and daily reports.</source>
        <translation>值班长审批长短款，并打印班次报表和营业日报。</translation>
    </message>
    <message>
        <source>Admin</source>
        <translation>管理</translation>
    </message>
    <message>
        <source>Administration</source>
        <translation>系统管理</translation>
    </message>
    <message>
        <source>Here administrators will maintain users, counters, printers, tariff schedules, service scripts and departments.</source>
        <translation>系统管理员在这里维护用户、柜台窗口、打印机、收费标准、服务用语和承办部门。</translation>
    </message>
    <message>
        <source>Every change is recorded in the audit journal.</source>
        <translation>每一次修改都记入审计日志。</translation>
    </message>
</context>
<context>
    <name>PlaceholderPage</name>
    <message>
        <source>This part of HallClient is being built.</source>
        <translation>此功能正在建设中，敬请期待。</translation>
    </message>
</context>
<context>
    <name>Shell</name>
    <message>
        <source>Cannot open the database</source>
        <translation>无法打开数据库</translation>
    </message>
    <message>
        <source>First start</source>
        <translation>首次使用</translation>
    </message>
    <message>
        <source>The database has no users yet.

Load the demo data set (演示数据)? It contains one demo user per role and {count} synthetic gas accounts, all clearly marked as demo. Never use it for real customers.</source>
        <translation>数据库中还没有任何用户。

是否载入演示数据？演示数据包含每个岗位各一名演示用户和 {count} 个虚拟燃气用户，全部标注为“演示”，切勿用于真实客户。</translation>
    </message>
    <message>
        <source>No users yet: an administrator must create them.</source>
        <translation>还没有任何用户，请由系统管理员创建。</translation>
    </message>
    <message>
        <source>Building the demo data…</source>
        <translation>正在生成演示数据…</translation>
    </message>
    <message>
        <source>Demo data</source>
        <translation>演示数据</translation>
    </message>
    <message>
        <source>Demo data loaded. Demo clerk: 1001, password demo1001.</source>
        <translation>演示数据已载入。演示营业员：工号 1001，密码 demo1001。</translation>
    </message>
</context>
</TS>
