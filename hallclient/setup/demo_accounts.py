"""Synthetic gas accounts (演示数据) for a demo database, up to a million of them.

Rows are a pure function of ``(count, seed)``: only ``random.Random(seed).random()``
is drawn, so the same seed gives the same accounts on every machine and Python.
:func:`insert_accounts` bulk-loads them -- ``executemany`` in one transaction on
SQLite, ``COPY`` on PostgreSQL.  What they owe and have used comes from their meter
readings and bills (``hallclient.setup.demo_ledger``), never from a typed figure.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from itertools import islice
from typing import Any, NamedTuple

from sqlalchemy.engine import Connection

from db.engine import Database
from db.search_keys import address_key
from hallclient.pinyin import name_initials

Progress = Callable[[int, int], None]
RawRow = tuple[str, str, str, str, str, str, str, str, str, int, str]

COLUMNS = (
    "account_no",
    "meter_no",
    "name",
    "name_initials",
    "phone",
    "phone_last4",
    "address",
    "customer_type",
    "status",
    "household_size",
    "address_key",
)
DEFAULT_BATCH = 50_000
AUTO_REBUILD_MIN = 50_000  # below this, keep the secondary indexes during a load
_ACCOUNT_BASE = 1_028_100_000  # account numbers run upwards from here, "1028100001"
_METER_MAKERS = ("21", "35", "47", "63", "88")  # 12-digit meter numbers: maker + serial
_METER_BASE = 1_906_000_000  # each maker's serials run upwards from here


class DemoAccount(NamedTuple):
    """One generated account, in the shape of ``db.models.accounts.Account``."""

    account_no: str
    meter_no: str
    name: str
    name_initials: str
    phone: str
    phone_last4: str
    address: str
    customer_type: str
    status: str
    household_size: int


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


def _weighted(spec: str) -> tuple[str, ...]:
    """``"王:71 李:70"`` → a table in which each item appears ``weight`` times."""
    table: list[str] = []
    for entry in spec.split():
        item, weight = entry.split(":")
        table.extend([item] * int(weight))
    return tuple(table)


_SURNAMES = _weighted(
    "王:71 李:70 张:68 刘:54 陈:45 杨:31 黄:22 赵:22 吴:20 周:19 徐:13 孙:13 马:12 朱:12 "
    "胡:11 郭:11 何:11 高:10 林:10 罗:9 郑:9 梁:8 谢:8 宋:7 唐:7 许:7 韩:6 冯:6 邓:6 曹:6 "
    "彭:5 曾:5 肖:5 田:5 董:5 袁:5 潘:4 于:4 蒋:4 蔡:4 余:4 杜:4 叶:4 程:4 苏:4 魏:4 吕:4 "
    "丁:4 任:4 沈:3 姚:3 卢:3 姜:3 崔:3 钟:3 谭:3 陆:3 汪:3 范:3 金:3 石:3 廖:3 贾:3 夏:3 "
    "韦:2 付:2 方:2 白:2 邹:2 孟:2 熊:2 秦:2 邱:2 江:2 尹:2 薛:2 闫:2 段:2 雷:2 侯:2 龙:2 "
    "史:2 陶:2 黎:2 贺:2 顾:2 毛:2 郝:2 龚:2 邵:2 万:2 钱:2 严:2 文:2 牟:1 单:1 解:1 仇:1 "
    "查:1 翟:1 覃:1 缪:1 欧阳:1 司马:1 诸葛:1 上官:1"
)
_GIVEN = tuple(
    dict.fromkeys(
        "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红娥玲芬燕建国文辉力鹏斌宇浩凯俊帅"
        "晨欣怡雪梅琳婷慧莉颖倩子涵轩博雨佳思梓诗嘉铭睿泽宁晓海云峰春波林东兵成志荣新利清飞彬富"
        "顺生龙元全胜学祥才发武光天达安岩中茂进有坚和彪诚先敬震振会群豪心邦承乐绍功松善厚庆民友"
        "裕河哲江亮政谦奇之翰朗伯宏言若鸣朋蓉兰凤洁琴素云莲真环珍贞莎锦黛青倩婉娴瑾颖露瑶怡婵雁"
        "蓓纨仪荷丹蓉眉君琴蕊薇菁梦岚苑婕馨瑗琰韵融园艺咏卿聪澜纯毓悦昭冰爽琬茗羽希宁欣飘育滢馥"
    )
)
_DISTRICTS: tuple[tuple[str, tuple[str, ...]], ...] = tuple(
    (district, tuple(roads.split()))
    for district, roads in (
        ("锦江区", "春熙路 东大街 红星路三段 总府路 书院西街 静沙南路 锦华路 琉璃路 东光街"),
        ("青羊区", "人民中路二段 西御街 宽巷子 光华大道一段 草堂路 清江东路 蜀都大道 抚琴西路"),
        ("金牛区", "一环路北三段 蜀汉路 沙湾路 金府路 营门口路 茶店子横街 西华大道 二环路北一段"),
        ("武侯区", "武侯祠大街 科华北路 玉林南路 人民南路四段 浆洗街 佳灵路 高升桥路 红牌楼路"),
        ("成华区", "建设路 二仙桥东路 府青路 双林路 猛追湾街 跳蹬河路 崔家店路 万年场路"),
        ("高新区", "天府大道中段 天府三街 益州大道 剑南大道 府城大道 锦城大道 交子大道 吉泰路"),
        ("双流区", "西航港大道 棠湖西路 双华路 长城路 白衣上街 东升路"),
        ("郫都区", "望丛中路 犀安路 郫花路 德源大道 团结镇学院路"),
        ("温江区", "光华大道三段 凤凰北大街 柳城大道 德通桥路 万春东路"),
        ("龙泉驿区", "龙都南路 驿都大道 北京路 星光西路 龙平路"),
        ("新都区", "新都大道 桂湖中路 蜀龙大道 马超东路 育英路"),
    )
)
_ESTATE_HEADS = _words(
    "锦绣 阳光 翡翠 蓝光 金色 华润 保利 万科 中海 龙湖 南湖 东湖 清水 芙蓉 锦城 天府 新城 "
    "御景 望江 紫荆 百合 滨江 碧水 银杏 桂花 府河 沙河 玉林 金沙 世纪 时代 和平"
)
_ESTATE_TAILS = _words("花园 家园 小区 苑 华庭 公馆 名城 雅居 新村 佳园 府邸 半岛 国际 里")
_SHOPS = _words("面馆 火锅店 冒菜馆 串串香 茶馆 烧烤店 饭店 酒楼 豆花店 餐厅 面包房")
_FIRMS = _words("食品 机械 化工 陶瓷 印染 纺织 玻璃 制药 电子 建材 铸造 包装")
_PUBLICS = _words("小学 中学 幼儿园 人民医院 社区卫生服务中心 敬老院 街道办事处 图书馆")
_TYPES = _weighted("residential:900 commercial:70 industrial:10 public_institution:20")
_STATUSES = _weighted("normal:950 suspended:30 closed:20")
_HOUSEHOLD = (1,) * 15 + (2,) * 28 + (3,) * 30 + (4,) * 15 + (5,) * 8 + (6,) * 4
_PHONE_PREFIXES = _words(
    "130 131 132 133 134 135 136 137 138 139 150 151 152 153 155 156 157 158 159 166 "
    "173 177 180 181 182 183 184 185 186 187 188 189 191 193 195 198 199"
)


class _Generator:
    """The state of one generation run: the random source and the running numbers."""

    def __init__(self, seed: int) -> None:
        self.rnd = random.Random(seed).random
        self.account = _ACCOUNT_BASE
        self.meters = [_METER_BASE] * len(_METER_MAKERS)

    def pick(self, table: tuple[str, ...]) -> str:
        return table[int(self.rnd() * len(table))]

    def upto(self, n: int) -> int:
        """A whole number in ``1..n``."""
        return 1 + int(self.rnd() * n)

    def numbers(self) -> tuple[str, str]:
        self.account += 1 if self.rnd() < 0.9 else self.upto(3)  # closed-and-purged gaps
        maker = int(self.rnd() * len(_METER_MAKERS))
        self.meters[maker] += self.upto(4)
        return f"{self.account:010d}", f"{_METER_MAKERS[maker]}{self.meters[maker]:010d}"

    def person(self) -> str:
        given = self.pick(_GIVEN)
        if self.rnd() < 0.7:
            given += self.pick(_GIVEN)
        return self.pick(_SURNAMES) + given

    def phone(self) -> str:
        return f"{self.pick(_PHONE_PREFIXES)}{int(self.rnd() * 100_000_000):08d}"

    def place(self) -> tuple[str, str]:
        district, roads = _DISTRICTS[int(self.rnd() * len(_DISTRICTS))]
        return district, f"成都市{district}{self.pick(roads)}{self.upto(300)}号"

    def home(self) -> tuple[str, str]:
        _, street = self.place()
        estate = self.pick(_ESTATE_HEADS) + self.pick(_ESTATE_TAILS)
        floor, room = self.upto(32), self.upto(6)
        unit = f"{self.upto(28)}栋{self.upto(4)}单元{floor}{room:02d}室"
        return self.person(), f"{street}{estate}{unit}"

    def business(self, customer_type: str) -> tuple[str, str]:
        district, street = self.place()
        head = self.pick(_ESTATE_HEADS)
        if customer_type == "commercial":
            name = f"{self.pick(_SURNAMES)}记{self.pick(_SHOPS)}"
            return name, f"{street}附{self.upto(40)}号"
        if customer_type == "industrial":
            return f"成都{head}{self.pick(_FIRMS)}有限公司", f"{street}{self.upto(9)}号厂房"
        return f"{district}{head}{self.pick(_PUBLICS)}", street

    def row(self) -> RawRow:
        account_no, meter_no = self.numbers()
        customer_type, status = self.pick(_TYPES), self.pick(_STATUSES)
        residential = customer_type == "residential"
        name, address = self.home() if residential else self.business(customer_type)
        household = _HOUSEHOLD[int(self.rnd() * len(_HOUSEHOLD))] if residential else 1
        phone = self.phone()
        return (
            account_no,
            meter_no,
            name,
            name_initials(name),
            phone,
            phone[-4:],
            address,
            customer_type,
            status,
            household,
            address_key(address),
        )


def generate_raw(count: int, seed: int) -> Iterator[RawRow]:
    """Rows in :data:`COLUMNS` order (the bulk-load shape)."""
    gen = _Generator(seed)
    row = gen.row
    for _ in range(count):
        yield row()


def generate_accounts(count: int, seed: int) -> Iterator[DemoAccount]:
    """``count`` synthetic accounts of 成都市, the same ones for the same ``seed``."""
    for raw in generate_raw(count, seed):
        yield DemoAccount(*raw[:10])


def insert_accounts(
    database: Database,
    count: int,
    seed: int,
    progress: Progress | None = None,
    batch: int = DEFAULT_BATCH,
    *,
    rebuild_indexes: bool | None = None,
) -> int:
    """Bulk-load ``count`` demo accounts in one transaction; return the number inserted.

    ``progress(done, total)`` is called after every batch (once with ``(0, 0)`` for none).
    With ``rebuild_indexes`` (default: for loads of :data:`AUTO_REBUILD_MIN` rows or more)
    the plain secondary
    indexes of ``accounts`` are dropped and re-created from their own stored definitions
    inside the same transaction, so the schema afterwards is exactly what it was.
    """
    if count < 0 or batch < 1:
        raise ValueError("count must be >= 0 and batch >= 1")
    rebuild = count >= AUTO_REBUILD_MIN if rebuild_indexes is None else rebuild_indexes
    postgres = database.backend == "postgresql"
    with database.connection() as conn:
        indexes = _drop_indexes(conn, postgres) if rebuild else []
        driver = conn.connection.driver_connection
        load = _copy_batch if postgres else _executemany_batch
        rows, done = generate_raw(count, seed), 0
        while chunk := list(islice(rows, batch)):
            load(driver, chunk)
            done += len(chunk)
            if progress is not None:
                progress(done, count)
        if done == 0 and progress is not None:
            progress(0, 0)
        for create in indexes:
            conn.exec_driver_sql(create)
        if postgres:
            conn.exec_driver_sql("ANALYZE accounts")
    return done


_INSERT = f"INSERT INTO accounts ({', '.join(COLUMNS)}) VALUES ({', '.join('?' * len(COLUMNS))})"
_COPY = f"COPY accounts ({', '.join(COLUMNS)}) FROM STDIN"
_SQLITE_INDEXES = (
    "SELECT name, sql FROM sqlite_master"
    " WHERE type = 'index' AND tbl_name = 'accounts' AND sql IS NOT NULL ORDER BY name"
)
_PG_INDEXES = (
    "SELECT i.relname, pg_get_indexdef(i.oid) FROM pg_index x"
    " JOIN pg_class i ON i.oid = x.indexrelid"
    " WHERE x.indrelid = 'accounts'::regclass AND NOT x.indisunique AND NOT x.indisprimary"
    " AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.oid)"
    " ORDER BY i.relname"
)


def _drop_indexes(conn: Connection, postgres: bool) -> list[str]:
    """Drop the plain secondary indexes of ``accounts``; return their CREATE statements."""
    found = conn.exec_driver_sql(_PG_INDEXES if postgres else _SQLITE_INDEXES).all()
    for name, _ in found:
        conn.exec_driver_sql(f'DROP INDEX "{name}"')
    return [str(create) for _, create in found]


def _executemany_batch(driver: Any, chunk: list[RawRow]) -> None:
    cursor = driver.cursor()
    try:
        cursor.executemany(_INSERT, chunk)
    finally:
        cursor.close()


def _copy_batch(driver: Any, chunk: list[RawRow]) -> None:
    with driver.cursor() as cursor, cursor.copy(_COPY) as copy:
        for row in chunk:
            copy.write_row(row)
