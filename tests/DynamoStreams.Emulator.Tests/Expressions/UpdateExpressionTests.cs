using DynamoStreams.Emulator.DynamoDb.Expressions;
using DynamoStreams.Emulator.DynamoDb.Model;
using DynamoStreams.Emulator.Tests.Model;

namespace DynamoStreams.Emulator.Tests.Expressions;

public class UpdateExpressionTests
{
    private const string Start = """
        {"id":{"S":"k"},"n":{"N":"7"},"s":{"S":"x"},"ss":{"SS":["a","b"]},"ns":{"NS":["1","2"]},
         "l":{"L":[{"S":"l0"},{"S":"l1"},{"S":"l2"},{"S":"l3"}]},"m":{"M":{"k":{"S":"v"},"deep":{"M":{"x":{"N":"1"}}}}}}
        """;

    // Update semantics: DynamoDB developer guide "Update expressions" (spec E.3) and dynalite/real-service behaviour.
    [Theory]
    [InlineData("SET n = :n", """{"N":"5"}""", "n")]
    [InlineData("SET n = n + :one", """{"N":"8"}""", "n")]
    [InlineData("SET n = n - :n2", """{"N":"-3"}""", "n")]
    [InlineData("SET n = :n2 - n", """{"N":"3"}""", "n")]
    [InlineData("SET fresh = if_not_exists(fresh, :zero)", """{"N":"0"}""", "fresh")]
    [InlineData("SET n = if_not_exists(n, :zero)", """{"N":"7"}""", "n")]
    [InlineData("SET l = list_append(l, :l)", """{"L":[{"S":"l0"},{"S":"l1"},{"S":"l2"},{"S":"l3"},{"S":"z"}]}""", "l")]
    [InlineData("SET l = list_append(:l, l)", """{"L":[{"S":"z"},{"S":"l0"},{"S":"l1"},{"S":"l2"},{"S":"l3"}]}""", "l")]
    [InlineData("SET l[1] = :x", """{"L":[{"S":"l0"},{"S":"x"},{"S":"l2"},{"S":"l3"}]}""", "l")]
    [InlineData("SET l[99] = :x", """{"L":[{"S":"l0"},{"S":"l1"},{"S":"l2"},{"S":"l3"},{"S":"x"}]}""", "l")]
    // Appends past the end land in ascending index order (observed: dynalite suite updateItem.js 'should update nested attributes').
    [InlineData("SET l[9] = :x, l[5] = :one", """{"L":[{"S":"l0"},{"S":"l1"},{"S":"l2"},{"S":"l3"},{"N":"1"},{"S":"x"}]}""", "l")]
    [InlineData("SET m.k = :x", """{"M":{"k":{"S":"x"},"deep":{"M":{"x":{"N":"1"}}}}}""", "m")]
    [InlineData("SET m.deep.y = :one", """{"M":{"k":{"S":"v"},"deep":{"M":{"x":{"N":"1"},"y":{"N":"1"}}}}}""", "m")]
    [InlineData("SET #dot = :x", """{"S":"x"}""", "a.b")]
    [InlineData("SET s = n", """{"N":"7"}""", "s")]
    [InlineData("SET n = :one, s = n", """{"N":"7"}""", "s")]
    [InlineData("REMOVE l[1], l[2]", """{"L":[{"S":"l0"},{"S":"l3"}]}""", "l")]
    [InlineData("REMOVE l[9]", """{"L":[{"S":"l0"},{"S":"l1"},{"S":"l2"},{"S":"l3"}]}""", "l")]
    [InlineData("REMOVE m.k", """{"M":{"deep":{"M":{"x":{"N":"1"}}}}}""", "m")]
    [InlineData("ADD n :one", """{"N":"8"}""", "n")]
    [InlineData("ADD fresh :one", """{"N":"1"}""", "fresh")]
    [InlineData("ADD ss :ss", """{"SS":["a","b","x","y"]}""", "ss")]
    [InlineData("ADD ns :ns", """{"NS":["1","2"]}""", "ns")]
    [InlineData("ADD newset :ss", """{"SS":["x","y"]}""", "newset")]
    [InlineData("ADD m.deep.x :one", """{"M":{"k":{"S":"v"},"deep":{"M":{"x":{"N":"2"}}}}}""", "m")]
    [InlineData("DELETE ss :abset", """{"SS":["b"]}""", "ss")]
    [InlineData("DELETE ns :ns", null, "ns")]
    [InlineData("DELETE nothere :ss", null, "nothere")]
    [InlineData("REMOVE s", null, "s")]
    [InlineData("remove gone", null, "gone")]
    public void Apply_Action_ProducesDynamoDbResult(string expression, string? expected, string attribute)
    {
        var update = UpdateExpression.Parse(expression, UpdateContext());
        var result = update.Apply(JsonHelper.ReadItem(Start));
        if (expected is null)
        {
            Assert.False(result.Item.ContainsKey(attribute));
        }
        else
        {
            Assert.Equal(expected, JsonHelper.Write(result.Item[attribute]));
        }
    }

    // spec E.4 #8: SET a = :v REMOVE b ADD c :one applies all three.
    [Fact]
    public void Apply_SetRemoveAdd_AppliesAllThree()
    {
        var update = UpdateExpression.Parse("SET a = :x REMOVE s ADD c :one", UpdateContext());
        var item = update.Apply(JsonHelper.ReadItem(Start)).Item;
        Assert.Equal("x", item["a"].AsString());
        Assert.False(item.ContainsKey("s"));
        Assert.Equal("1", item["c"].AsNumber().ToString());
    }

    [Fact]
    public void Apply_NoItem_CreatesAttributes()
    {
        var update = UpdateExpression.Parse("SET a = :x ADD c :one", UpdateContext());
        var item = update.Apply(null).Item;
        Assert.Equal("""{"a":{"S":"x"},"c":{"N":"1"}}""", JsonHelper.Write(item));
    }

    [Fact]
    public void Apply_OriginalItem_IsNotModified()
    {
        var original = JsonHelper.ReadItem(Start);
        var before = JsonHelper.Write(original);
        UpdateExpression.Parse("SET m.k = :x REMOVE l[0] ADD ss :ss", UpdateContext()).Apply(original);
        Assert.Equal(before, JsonHelper.Write(original));
    }

    // UPDATED_OLD / UPDATED_NEW return only the written paths (API reference: UpdateItem ReturnValues).
    [Fact]
    public void ProjectUpdated_OldAndNew_ReturnWrittenPathsOnly()
    {
        var original = JsonHelper.ReadItem(Start);
        var result = UpdateExpression.Parse("SET m.k = :x, n = n + :one", UpdateContext()).Apply(original);
        Assert.Equal("""{"n":{"N":"7"},"m":{"M":{"k":{"S":"v"}}}}""", JsonHelper.Write(result.ProjectUpdated(original)));
        Assert.Equal("""{"n":{"N":"8"},"m":{"M":{"k":{"S":"x"}}}}""", JsonHelper.Write(result.ProjectUpdated(result.Item)));
    }

    // Runtime errors: dynalite updateItem tests (copied from the real service).
    [Theory]
    [InlineData("SET a = gone", "The provided expression refers to an attribute that does not exist in the item")]
    [InlineData("SET a = list_append(gone, :l)", "The provided expression refers to an attribute that does not exist in the item")]
    [InlineData("SET a = s + :one", "An operand in the update expression has an incorrect data type")]
    [InlineData("SET a = list_append(s, :l)", "An operand in the update expression has an incorrect data type")]
    [InlineData("ADD s :one", "An operand in the update expression has an incorrect data type")]
    [InlineData("ADD ss :ns", "An operand in the update expression has an incorrect data type")]
    [InlineData("DELETE n :ns", "An operand in the update expression has an incorrect data type")]
    [InlineData("DELETE ss :ns", "An operand in the update expression has an incorrect data type")]
    [InlineData("SET gone.a = :x", "The document path provided in the update expression is invalid for update")]
    [InlineData("SET gone[1] = :x", "The document path provided in the update expression is invalid for update")]
    [InlineData("SET s.a = :x", "The document path provided in the update expression is invalid for update")]
    [InlineData("SET m[1] = :x", "The document path provided in the update expression is invalid for update")]
    [InlineData("SET l.a = :x", "The document path provided in the update expression is invalid for update")]
    [InlineData("REMOVE gone.a", "The document path provided in the update expression is invalid for update")]
    [InlineData("REMOVE s[1]", "The document path provided in the update expression is invalid for update")]
    [InlineData("ADD m.gone.x :one", "The document path provided in the update expression is invalid for update")]
    [InlineData("DELETE l[0].x :ss", "The document path provided in the update expression is invalid for update")]
    [InlineData("SET n = :huge + :huge", "Number overflow. Attempting to store a number with magnitude larger than supported range")]
    public void Apply_InvalidAtRuntime_ThrowsDynamoMessage(string expression, string message)
    {
        var update = UpdateExpression.Parse(expression, UpdateContext());
        var error = Assert.Throws<DynamoValidationException>(() => update.Apply(JsonHelper.ReadItem(Start)));
        Assert.Equal(message, error.Message);
    }

    // Parse-time errors: dynalite updateItem tests (copied from the real service), spec E.2.
    [Theory]
    [InlineData("", "The expression can not be empty;")]
    [InlineData("set a = :x set c = :one", "The \"SET\" section can only be used once in an update expression;")]
    [InlineData("remove #d set a = :x remove e", "The \"REMOVE\" section can only be used once in an update expression;")]
    [InlineData("add n :one set a = :x add e :one", "The \"ADD\" section can only be used once in an update expression;")]
    [InlineData("delete ss :ss set a = :x delete e :ss", "The \"DELETE\" section can only be used once in an update expression;")]
    [InlineData("set #c = if_not_exist(:x)", "Invalid function name; function: if_not_exist")]

    // observed: dynalite suite updateItem.js 'reserved keywords', 'invalid functions in UpdateExpression' (a later
    // reserved word or unknown function beats a repeated section)
    [InlineData(" set a = :x set abOrt = :x ", "Attribute name is a reserved keyword; reserved keyword: abOrt")]
    [InlineData("set a = if_not_exist(:x) set c = d", "Invalid function name; function: if_not_exist")]
    [InlineData("remove Absolute", "Attribute name is a reserved keyword; reserved keyword: Absolute")]
    [InlineData("SET #undefined = :x", "An expression attribute name used in the document path is not defined; attribute name: #undefined")]
    [InlineData("SET a = :undefined", "An expression attribute value used in expression is not defined; attribute value: :undefined")]
    [InlineData("set a = if_not_exists(c)", "Incorrect number of operands for operator or function; operator or function: if_not_exists, number of operands: 1")]
    [InlineData("set a = list_append(c)", "Incorrect number of operands for operator or function; operator or function: list_append, number of operands: 1")]
    [InlineData("set a = if_not_exists(:x, c)", "Operator or function requires a document path; operator or function: if_not_exists")]
    [InlineData("set a = list_append(:x, a)", "Incorrect operand type for operator or function; operator or function: list_append, operand type: S")]
    [InlineData("set a = a + :x", "Incorrect operand type for operator or function; operator or function: +, operand type: S")]
    [InlineData("set a = :ss - a", "Incorrect operand type for operator or function; operator or function: -, operand type: SS")]
    [InlineData("add a :x", "Incorrect operand type for operator or function; operator: ADD, operand type: STRING")]
    [InlineData("add a :l", "Incorrect operand type for operator or function; operator: ADD, operand type: LIST")]
    [InlineData("delete a :one", "Incorrect operand type for operator or function; operator: DELETE, operand type: NUMBER")]
    [InlineData("delete a :m", "Incorrect operand type for operator or function; operator: DELETE, operand type: MAP")]
    [InlineData("set a = :x, a.b = :x", "Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [a], path two: [a, b]")]
    [InlineData("set d[1] = :x, d.b = :x, c[1].a = :x, #c = :x", "Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [c, [1], a], path two: [c]")]
    [InlineData("set #c[3].#d = :x, #c[3] = :x", "Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [c, [3], [3]], path two: [c, [3]]")]
    [InlineData("set a = :x remove a", "Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [a], path two: [a]")]
    [InlineData("remove a.#c set a[1] = :x", "Two document paths conflict with each other; must remove or rewrite one of these paths; path one: [a, c], path two: [a, [1]]")]
    [InlineData("set #c[3].#d = :x, #c.#d[3] = if_not_exists(a, :x)", "Two document paths conflict with each other; must remove or rewrite one of these paths; path one: [c, [3], [3]], path two: [c, [3], [3]]")]

    // Ranks: a reserved word or unknown function beats a repeated section, an ADD value's type beats operand counts and
    // function operand types (observed: dynalite suite updateItem.js "reserved keywords", "invalid functions in
    // UpdateExpression", "incorrect types in UpdateExpression").
    [InlineData(" set #undefined = :x set abOrt = :x ", "Attribute name is a reserved keyword; reserved keyword: abOrt")]
    [InlineData("set #undefined = if_not_exist(:x) set c = d", "Invalid function name; function: if_not_exist")]
    [InlineData("set b = list_append(:x, a), c = if_not_exists(a) add a.b :x", "Incorrect operand type for operator or function; operator: ADD, operand type: STRING")]
    public void Parse_Invalid_ThrowsDynamoMessage(string expression, string reason)
    {
        var error = Assert.Throws<DynamoValidationException>(() => UpdateExpression.Parse(expression, UpdateContext()));
        Assert.Equal("Invalid UpdateExpression: " + reason, error.Message);
    }

    // Syntax errors: dynalite's list of update expressions the real service rejects as syntax errors.
    [Theory]
    [InlineData("whatever")]
    [InlineData("set a")]
    [InlineData("add a")]
    [InlineData("delete a")]
    [InlineData("set a=set")]
    [InlineData("remove a = b")]
    [InlineData("add a = b")]
    [InlineData("delete a = b")]
    [InlineData("delete a b")]
    [InlineData("remove a b")]
    [InlineData("set a b")]
    [InlineData("set :x = b")]
    [InlineData("add :x b")]
    [InlineData("remove :x")]
    [InlineData("set a = b / c")]
    [InlineData("set a = b * c")]
    [InlineData("set a[1] = \"eight\"")]
    [InlineData("set a[1] = 1")]
    [InlineData("SET if_not_exists(a, b) = a")]
    [InlineData("set (a = (b + c))")]
    [InlineData("set a = b + c + d")]
    [InlineData("SET a = :x,")]
    [InlineData("ADD hits : incr")]
    public void Parse_SyntaxError_ReportsSyntaxError(string expression)
    {
        var error = Assert.Throws<DynamoValidationException>(() => UpdateExpression.Parse(expression, UpdateContext()));
        Assert.StartsWith("Invalid UpdateExpression: Syntax error; token: ", error.Message);
    }

    // Real message quoted in aws-cdk#7591.
    [Fact]
    public void Parse_BareColon_ReportsRealServiceText()
    {
        var error = Assert.Throws<DynamoValidationException>(() => UpdateExpression.Parse("ADD hits : incr", UpdateContext()));
        Assert.Equal("Invalid UpdateExpression: Syntax error; token: \":\", near: \"hits : incr\"", error.Message);
    }

    // spec E.2: key attributes cannot be updated (dynalite updateItem tests).
    [Theory]
    [InlineData("add id.b :one")]
    [InlineData("remove d set b = :x, id = :x")]
    [InlineData("delete id :ss")]
    public void EnsureKeyAttributesUnchanged_KeyWritten_Throws(string expression)
    {
        var update = UpdateExpression.Parse(expression, UpdateContext());
        var error = Assert.Throws<DynamoValidationException>(() => update.EnsureKeyAttributesUnchanged(["id"]));
        Assert.Equal("One or more parameter values were invalid: Cannot update attribute id. This attribute is part of the key", error.Message);
    }

    private static DynamoStreams.Emulator.DynamoDb.Expressions.ExpressionContext UpdateContext() => ExpressionTestData.Context(
        """{"#c":"c","#d":"[3]","#dot":"a.b"}""",
        """
        {":x":{"S":"x"},":one":{"N":"1"},":zero":{"N":"0"},":n":{"N":"5"},":n2":{"N":"10"},":l":{"L":[{"S":"z"}]},
         ":ss":{"SS":["x","y"]},":ns":{"NS":["1","2"]},":abset":{"SS":["a","q"]},":m":{"M":{}},
         ":huge":{"N":"9.9999999999999999999999999999999999999E+125"}}
        """);
}
